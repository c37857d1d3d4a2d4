//! Embeds every file under `demo/` in the binary, so `storydiff demo` runs from the
//! binary alone, with no files beside it.

use std::fs;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let site = root.join("demo").join("site");
    println!("cargo:rerun-if-changed=demo");
    let mut files = Vec::new();
    walk(&site, &mut files);
    files.sort();
    let mut src = String::from(
        "/// Files of the demo site: (URL path, bytes).\npub static SITE: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        let rel = f.strip_prefix(&site).unwrap();
        let url_path = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        src.push_str(&format!(
            "    ({:?}, include_bytes!({:?})),\n",
            format!("/{url_path}"),
            f
        ));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("demo_site.rs");
    fs::write(out, src).unwrap();
}
