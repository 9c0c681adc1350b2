"""End-to-end swarm check with a real BitTorrent client (libtorrent 2.0).

A seeder and a leecher, each a libtorrent session on its own loopback port, can only find each
other through the tracker: DHT, LSD, UPnP and NAT-PMP are off and the torrent is private (no PEX).
The last line printed is `E2E OK <family> <bytes> <seconds>` (exit 0) or `E2E FAIL <reason>`
(exit 1). Run it with Debian's /usr/bin/python3, the only interpreter python3-libtorrent serves.
"""

import argparse
import os
import random
import sys
import tempfile
import time

import libtorrent as lt

NAME = "payload.bin"
C = lt.alert.category_t
ALERTS = (C.error_notification | C.status_notification | C.tracker_notification
          | C.connect_notification)


class Failure(Exception):
    """Ends the run with `E2E FAIL <message>`."""


def make_torrent(path, tracker, piece_size=16 * 1024):
    fs = lt.file_storage()
    lt.add_files(fs, path)
    # v1 only: a 2.0 hybrid torrent would also announce a truncated v2 info-hash, a second swarm.
    ct = lt.create_torrent(fs, piece_size, lt.create_torrent.v1_only)
    ct.add_tracker(tracker)
    ct.set_priv(True)  # private: clients use the tracker only, never DHT or PEX
    lt.set_piece_hashes(ct, os.path.dirname(path))
    return lt.torrent_info(ct.generate())


def make_session(host):
    return lt.session({
        "listen_interfaces": f"{host}:0",  # port 0: the kernel picks a free one
        "enable_dht": False, "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
        # Both sessions share one IP: without this the peer list keeps one peer per IP, and the
        # leecher may keep its own endpoint (the tracker returns it too) instead of the seeder's.
        "allow_multiple_connections_per_ip": True,
        # On by default, it refuses tracker URLs on localhost whose path is not exactly /announce
        # (e.g. a WAR's /karuta/announce).
        "ssrf_mitigation": False,
        # Plain TCP between the peers: the check is about the tracker, not uTP on loopback.
        "enable_outgoing_utp": False, "enable_incoming_utp": False,
        "min_announce_interval": 5,  # the client's floor on the tracker's interval (default 300)
        "tracker_completion_timeout": 10, "tracker_receive_timeout": 5,
        "stop_tracker_timeout": 2,
        "alert_mask": ALERTS,
        # No IP filter is set: the default one is empty, so loopback peers are allowed.
    })


def completed_sent(handle):
    """Whether every tracker endpoint has sent event=completed (v1) and is no longer waiting."""
    v1 = [e["info_hashes"][0] for t in handle.trackers() for e in t["endpoints"]]
    return all(ih["complete_sent"] and not ih["updating"] for ih in v1)


class Swarm:
    """Both sessions, and what their alerts said, for the failure report."""

    def __init__(self, host):
        self.sessions = {"seeder": make_session(host), "leecher": make_session(host)}
        self.handles = {}
        self.events = []  # tracker errors, warnings, replies, peer connections
        self.replies = {role: 0 for role in self.sessions}
        self.broken = False  # a session could not listen, or a torrent failed: waiting is futile

    def add(self, role, info, save_path):
        self.handles[role] = self.sessions[role].add_torrent({"ti": info, "save_path": save_path})

    def poll(self):
        for role, ses in self.sessions.items():
            for a in ses.pop_alerts():
                if isinstance(a, lt.tracker_reply_alert):
                    self.replies[role] += 1
                    self.events.append(f"{role}: tracker reply, {a.num_peers} peers")
                elif isinstance(a, (lt.tracker_error_alert, lt.tracker_warning_alert,
                                    lt.listen_failed_alert, lt.peer_connect_alert,
                                    lt.peer_disconnected_alert, lt.torrent_error_alert)):
                    self.events.append(f"{role}: {type(a).__name__}: {a.message()}")
                    self.broken |= isinstance(a, (lt.listen_failed_alert, lt.torrent_error_alert))

    def peers(self):
        return {role: [f"{p.ip[0]}:{p.ip[1]}" for p in h.get_peer_info()]
                for role, h in self.handles.items()}

    def failure(self, reason):
        events = " | ".join(self.events) or "none"
        return Failure(f"{reason}; peers seen {self.peers()}; events: {events}")

    def wait(self, deadline, done):
        while not done():
            if self.broken or time.monotonic() > deadline:
                return False
            self.sessions["seeder"].wait_for_alert(200)
            self.poll()
        return True

    def close(self):
        for role, ses in self.sessions.items():
            if role in self.handles:
                ses.remove_torrent(self.handles[role])
        self.sessions.clear()  # dropping a session shuts it down (bounded by stop_tracker_timeout)


def run(args):
    host = "127.0.0.1" if args.family == 4 else "[::1]"
    seed_dir, leech_dir = (os.path.join(args.workdir, d) for d in ("seed", "leech"))
    os.makedirs(seed_dir, exist_ok=True)
    os.makedirs(leech_dir, exist_ok=True)
    data = random.Random(args.seed).randbytes(args.size) if args.seed is not None \
        else os.urandom(args.size)
    with open(os.path.join(seed_dir, NAME), "wb") as f:
        f.write(data)
    info = make_torrent(os.path.join(seed_dir, NAME), args.tracker)
    if args.print_infohash:
        return f"{info.info_hash()}"

    start = time.monotonic()
    deadline = start + args.timeout
    swarm = Swarm(host)
    try:
        # Seeder first, and the leecher only once the tracker knows the seeder: the leecher's
        # first announce then already returns it, whatever interval the tracker asks for.
        swarm.add("seeder", info, seed_dir)
        if not swarm.wait(deadline, lambda: swarm.replies["seeder"] > 0):
            raise swarm.failure("seeder got no tracker reply")
        swarm.add("leecher", info, leech_dir)
        leecher, last_announce = swarm.handles["leecher"], time.monotonic()

        def finished():
            nonlocal last_announce
            if time.monotonic() - last_announce > 5 and not leecher.status().num_peers:
                # Still alone: ask the tracker again rather than wait for its interval.
                leecher.force_reannounce(0, -1, lt.reannounce_flags_t.ignore_min_interval)
                last_announce = time.monotonic()
            return leecher.status().is_seeding

        if not swarm.wait(deadline, finished):
            raise swarm.failure(f"leecher at {leecher.status().progress:.0%} after {args.timeout}s")
        seconds = time.monotonic() - start
        # Let the leecher's event=completed announce be answered before closing: removed while
        # it is in flight, the torrent never sends event=stopped and the tracker keeps a ghost.
        if not swarm.wait(min(deadline, time.monotonic() + 5), lambda: completed_sent(leecher)):
            swarm.events.append("leecher: event=completed still unanswered")
        print(*swarm.events, sep="\n")  # the story of a success too, for the log
    finally:
        swarm.close()
    with open(os.path.join(leech_dir, NAME), "rb") as f:
        got = f.read()
    if got != data:
        raise Failure(f"downloaded file differs from the original ({len(got)} bytes)")
    return f"E2E OK {args.family} {len(got)} {seconds:.1f}"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tracker", required=True, help="announce URL, http://127.0.0.1:6969/announce")
    p.add_argument("--family", type=int, choices=(4, 6), default=4, help="listen on 127.0.0.1/::1")
    p.add_argument("--size", type=int, default=1 << 20, help="file size in bytes")
    p.add_argument("--timeout", type=float, default=60, help="seconds for the whole swarm")
    p.add_argument("--workdir", help="where the files go (default: a new temporary directory)")
    p.add_argument("--seed", type=int, help="random seed: same seed and size, same info-hash")
    p.add_argument("--print-infohash", action="store_true",
                   help="print the torrent's info-hash (hex) and exit, e.g. for a whitelist")
    args = p.parse_args()
    try:
        if args.workdir:
            print(run(args), flush=True)
        else:
            with tempfile.TemporaryDirectory(prefix="swarm-e2e-") as args.workdir:
                print(run(args), flush=True)
    except Failure as e:
        print(f"E2E FAIL {e}", flush=True)
        sys.exit(1)
    except Exception as e:  # anything unexpected still ends with the one-line verdict
        print(f"E2E FAIL {type(e).__name__}: {e}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
