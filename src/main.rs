//! The `storydiff` binary: parses arguments, calls the library, maps errors to exit codes.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = cli::Cli::parse();
    match cli::execute(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("storydiff: error: {e:#}");
            ExitCode::from(exit_code(&e))
        }
    }
}

fn exit_code(e: &anyhow::Error) -> u8 {
    match e.downcast_ref::<storydiff::Error>() {
        Some(storydiff::Error::Config(_)) => cli::exit::USAGE,
        Some(storydiff::Error::Reference { .. } | storydiff::Error::NoReferenceSnapshot { .. }) => {
            cli::exit::NO_REFERENCE
        }
        _ if e.downcast_ref::<storydiff::config::ConfigError>().is_some() => cli::exit::USAGE,
        _ => cli::exit::FAILURE,
    }
}
