#!/usr/bin/env python3
"""Benchmark: `storydiff fetch` against 200 outlets served on loopback.

Starts one HTTP server per outlet on its own 127.0.0.1 port (so each is its own host
for politeness), each answering robots.txt, an RSS feed and two articles (one on the
story, one not) after a fixed delay, plus the reference. Then runs

    storydiff fetch STORY --snapshots TMP --delay 0

and prints the wall time and the peak resident memory of that process. Goal (issue 3):
under 2 s and under 100 MiB for 200 outlets at 50 ms per response.

    python3 benches/fetch_200.py [--binary target/release/storydiff] [--outlets 200] [--delay-ms 50]

Only loopback traffic; every server stops when the script ends.
"""
import argparse, asyncio, os, resource, shutil, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PARAS = [
    "Mexico's foreign ministry has cleared {n} new diplomats for the Russian embassy in Mexico City, "
    "adding to the 49 who were already accredited there, officials told outlet {i}.",
    "With the additions Russia would field the largest foreign mission in the Mexican capital, "
    "ahead of the United States embassy and its 46 diplomats, according to the same officials.",
    "Historians note that at least 150 KGB officers worked in Mexico under diplomatic cover during "
    "the Cold War, and that a 2020 law limited the number of foreign agents in the country.",
    "Analysts interviewed by outlet {i} said the decision sits oddly with the modest trade between "
    "the two countries and with the expulsions of Russian diplomats across Europe since 2022.",
    "The ministry did not explain the decision. The Russian embassy said its staff works within "
    "the rules of the Vienna Convention and declined to comment on the numbers.",
]

OTHER = ("City officials announced a new schedule for rubbish collection in the northern districts, "
         "starting next month, after residents complained about missed pickups in several streets. ") * 3


def page(title, paras):
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>"
            f"<body><nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>{title}</h1>"
            f"{body}</article><footer>&copy; 2023</footer></body></html>").encode()


def feed(base, i):
    items = [
        (f"{base}/rubbish.html", "New rubbish collection schedule", "Northern districts get new pickup days."),
        (f"{base}/story.html", f"Mexico clears 37 more Russian diplomats",
         "The Russian embassy in Mexico grows to the largest mission in the capital."),
    ]
    xml = "".join(f"<item><title>{t}</title><link>{u}</link><description>{d}</description>"
                  f"<pubDate>Mon, 25 Sep 2023 10:00:00 GMT</pubDate></item>" for u, t, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {i}</title>'
            f"<link>{base}/</link><description>news</description>{xml}</channel></rss>").encode()


class Site:
    def __init__(self, i, delay):
        self.i, self.delay, self.routes = i, delay, {}

    async def handle(self, reader, writer):
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            await asyncio.sleep(self.delay)
            body = self.routes.get(path)
            status = "200 OK" if body is not None else "404 Not Found"
            body = body if body is not None else b"not found"
            ctype = "application/rss+xml" if path.endswith(".xml") else "text/html; charset=utf-8"
            writer.write(f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                         f"Connection: close\r\n\r\n".encode() + body)
            await writer.drain()
        except Exception:
            pass
        finally:
            writer.close()


async def serve(n, delay, ready, stop):
    sites = []
    for i in range(n + 1):
        site = Site(i, delay)
        server = await asyncio.start_server(site.handle, "127.0.0.1", 0, backlog=256)
        base = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        sites.append((site, server, base))
    ref_site, _, ref_base = sites[0]
    ref_site.routes["/reference.html"] = page("Mexico clears 37 more Russian diplomats",
                                             [p.format(n=37, i=0) for p in PARAS])
    for i, (site, _, base) in enumerate(sites[1:], 1):
        site.routes["/feed.xml"] = feed(base, i)
        site.routes["/story.html"] = page("Russian embassy in Mexico to grow", [p.format(n=37 - i % 2, i=i) for p in PARAS])
        site.routes["/rubbish.html"] = page("New rubbish collection schedule", [OTHER])
    ready.put_nowait((ref_base, [b for _, _, b in sites[1:]]))
    await stop.wait()
    for _, server, _ in sites:
        server.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/storydiff"))
    ap.add_argument("--outlets", type=int, default=200)
    ap.add_argument("--delay-ms", type=int, default=50)
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run `cargo build --release` first")

    loop = asyncio.new_event_loop()
    import queue
    ready, holder = queue.Queue(), {}

    def run():
        asyncio.set_event_loop(loop)
        holder["stop"] = asyncio.Event()
        q = asyncio.Queue()

        async def go():
            task = asyncio.ensure_future(serve(args.outlets, args.delay_ms / 1000, q, holder["stop"]))
            ready.put(await q.get())
            await task
        loop.run_until_complete(go())

    t = threading.Thread(target=run, daemon=True)
    t.start()
    ref, bases = ready.get(timeout=60)

    tmp = tempfile.mkdtemp(prefix="storydiff-bench-")
    try:
        story = os.path.join(tmp, "bench.toml")
        with open(story, "w") as f:
            f.write('title = "Russian diplomats in Mexico"\n')
            f.write(f'reference = "{ref}/reference.html"\n')
            f.write('keywords = ["Russia", "Mexico", "diplomats", "embassy"]\n')
            for i, b in enumerate(bases, 1):
                f.write(f'\n[[outlet]]\nid = "outlet-{i}"\nfeeds = ["{b}/feed.xml"]\n')
        cmd = [args.binary, "fetch", story, "--snapshots", os.path.join(tmp, "snapshots"), "--delay", "0"]
        start = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.monotonic() - start
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "(no summary)")
        if proc.returncode != 0:
            sys.exit(f"storydiff exited {proc.returncode}:\n{proc.stderr}")
        print(f"outlets: {args.outlets}, response delay: {args.delay_ms} ms")
        print(f"wall: {wall:.2f} s   peak RSS: {peak_kib / 1024:.1f} MiB")
    finally:
        loop.call_soon_threadsafe(holder["stop"].set)
        t.join(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
