#!/usr/bin/env python3
"""FullAuth benchmark harness: one command, loopback only, bounded in time.

Builds Release, starts FullAuth (SQLite + memory stores, then Redis stores) and the ASP.NET Core
Identity peer on free loopback ports, seeds users over HTTP, drives each scenario with wrk and
writes bench/results/latest.json and bench/results/latest.md (ratios within this one run).
Usage: bench/run [--duration SECONDS] [--connections N] [--users N] [--skip-redis] [--skip-peer]
"""
import argparse, json, os, platform, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(ROOT, "bench", "scripts")
RESULTS = os.path.join(ROOT, "bench", "results")
PASSWORD = "Bench-correct-horse-7!"
SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, token=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text.startswith(("{", "[")) else text)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        return e.code, (json.loads(text) if text.startswith("{") else text)


class Server:
    def __init__(self, name, dll, env, port, live_path):
        self.name, self.port = name, port
        self.base = f"http://127.0.0.1:{port}"
        full_env = dict(os.environ, ASPNETCORE_URLS=self.base, ASPNETCORE_ENVIRONMENT="Production", **env)
        self.log = open(os.path.join(tempfile.gettempdir(), f"fullauth-bench-{name}.log"), "w")
        self.proc = subprocess.Popen(["dotnet", "exec", dll], cwd=os.path.dirname(dll), env=full_env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{name} exited; see {self.log.name}")
            try:
                if http("GET", self.base + live_path, timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{name} did not start; see {self.log.name}")

    def peak_rss_mib(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def wrk(url, script, args, duration, connections, threads=2):
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", os.path.join(SCRIPTS, script), url]
    if args:
        cmd += ["--"] + [str(a) for a in args]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    line = [l for l in out.splitlines() if l.startswith("{")][-1]
    return json.loads(line)


def write_lines(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def seed_fullauth(base, users, workdir):
    """Registers users (enumeration prevention off: 201 with tokens)."""
    def one(i):
        email = f"bench{i}@example.com"
        status, body = http("POST", base + "/api/v1/auth/register", {"email": email, "password": PASSWORD})
        if status != 201:
            raise RuntimeError(f"register {status}: {body}")
        return email, body["access_token"], body["refresh_token"]
    with ThreadPoolExecutor(8) as pool:
        rows = list(pool.map(one, range(users)))
    paths = {k: os.path.join(workdir, f"fullauth-{k}.txt") for k in ("access", "refresh", "users")}
    write_lines(paths["access"], [r[1] for r in rows])
    write_lines(paths["refresh"], [r[2] for r in rows])
    write_lines(paths["users"], [f"{r[0]} {PASSWORD}" for r in rows])
    return paths


def fresh_refresh_tokens(base, users_file, workdir, name):
    """New sessions for a refresh run (each chain starts from an unused token)."""
    emails = [l.split()[0] for l in open(users_file) if l.strip()]
    def one(email):
        status, body = http("POST", base + "/api/v1/auth/login", {"email": email, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"login {status}: {body}")
        return body["refresh_token"], body["access_token"]
    with ThreadPoolExecutor(4) as pool:
        rows = list(pool.map(one, emails))
    path = os.path.join(workdir, f"{name}-refresh.txt")
    write_lines(path, [r[0] for r in rows])
    access = os.path.join(workdir, f"{name}-access.txt")
    write_lines(access, [r[1] for r in rows])
    return path, access


def seed_peer(base, users, workdir):
    def one(i):
        email = f"peer{i}@example.com"
        status, body = http("POST", base + "/register", {"email": email, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"peer register {status}: {body}")
        status, body = http("POST", base + "/login", {"email": email, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"peer login {status}: {body}")
        return email, body["accessToken"], body["refreshToken"]
    with ThreadPoolExecutor(8) as pool:
        rows = list(pool.map(one, range(users)))
    paths = {k: os.path.join(workdir, f"peer-{k}.txt") for k in ("access", "refresh", "users")}
    write_lines(paths["access"], [r[1] for r in rows])
    write_lines(paths["refresh"], [r[2] for r in rows])
    write_lines(paths["users"], [f"{r[0]} {PASSWORD}" for r in rows])
    return paths


def start_redis():
    port = free_port()
    directory = tempfile.mkdtemp(prefix="fullauth-bench-redis-")
    pidfile = os.path.join(directory, "redis.pid")
    subprocess.run(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
                    "--daemonize", "yes", "--pidfile", pidfile, "--dir", directory], check=True, capture_output=True)
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), 0.2):
                return port, pidfile
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def stop_redis(pidfile):
    try:
        os.kill(int(open(pidfile).read().strip()), signal.SIGTERM)
    except (OSError, ValueError):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--skip-redis", action="store_true")
    parser.add_argument("--skip-peer", action="store_true")
    a = parser.parse_args()
    for tool in ("wrk", "dotnet"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install wrk (and the .NET 10 SDK)")

    print("building Release ...", flush=True)
    for project in ("src/Api", "bench/peers/identity", "bench/Micro"):
        subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", os.path.join(ROOT, project)], check=True, stdout=subprocess.DEVNULL)
    api_dll = os.path.join(ROOT, "src/Api/bin/Release/net10.0/FullAuth.Api.dll")
    peer_dll = os.path.join(ROOT, "bench/peers/identity/bin/Release/net10.0/FullAuth.Bench.IdentityPeer.dll")

    workdir = tempfile.mkdtemp(prefix="fullauth-bench-")
    d, c, results = a.duration, a.connections, {}
    print("raw hash rate ...", flush=True)
    out = subprocess.run(["dotnet", "exec", os.path.join(ROOT, "bench/Micro/bin/Release/net10.0/FullAuth.Bench.dll"), "hashrate", str(d)],
                         capture_output=True, text=True, check=True).stdout
    results["hash_rate"] = json.loads(out.strip().splitlines()[-1])

    env = {
        "FullAuth__SecretKey": SECRET,
        "FullAuth__Database__ConnectionString": f"Data Source={os.path.join(workdir, 'fullauth.db')}",
        "FullAuth__PreventEnumeration": "false",
        "FullAuth__RateLimits__Enabled": "false",
        "FullAuth__Sessions__MaxPerUser": "1000",
        "Logging__LogLevel__Default": "Warning",
    }

    def fullauth_round(name, extra):
        server = Server(name, api_dll, {**env, **extra}, free_port(), "/health/live")
        try:
            print(f"[{name}] seeding {a.users} users ...", flush=True)
            paths = seed_fullauth(server.base, a.users, workdir) if name == "memory" else None
            users_file = os.path.join(workdir, "fullauth-users.txt")
            refresh, access = fresh_refresh_tokens(server.base, users_file, workdir, name)
            r = {}
            hwm = {"after seeding": server.peak_rss_mib()}
            if name == "memory":
                print(f"[{name}] hello", flush=True)
                r["hello"] = wrk(server.base + "/health/live", "get.lua", [], d, c)
                hwm["hello"] = server.peak_rss_mib()
            print(f"[{name}] me", flush=True)
            r["me"] = wrk(server.base, "bearer-get.lua", [access, "/api/v1/auth/me", 2], d, c)
            hwm["me"] = server.peak_rss_mib()
            print(f"[{name}] refresh", flush=True)
            r["refresh"] = wrk(server.base, "refresh-chains.lua", [refresh, "/api/v1/auth/refresh", 2, "refresh_token", "refresh_token"], d, min(c, a.users))
            hwm["refresh"] = server.peak_rss_mib()
            if name == "memory":
                print(f"[{name}] login", flush=True)
                r["login"] = wrk(server.base, "login.lua", [users_file, "/api/v1/auth/login", 2], d, 16)
                hwm["login"] = server.peak_rss_mib()
                print(f"[{name}] me-under-login-flood", flush=True)
                with ThreadPoolExecutor(2) as pool:
                    flood = pool.submit(wrk, server.base, "login.lua", [users_file, "/api/v1/auth/login", 2], d, 32)
                    time.sleep(1)
                    me = pool.submit(wrk, server.base, "bearer-get.lua", [access, "/api/v1/auth/me", 1], d - 2, 8, 1)
                    r["me_under_login_flood"] = me.result()
                    r["login_flood"] = flood.result()
                hwm["me_under_login_flood"] = server.peak_rss_mib()
            r["rss_high_water_mib"] = hwm
            r["peak_rss_mib"] = server.peak_rss_mib()
            return r
        finally:
            server.stop()

    results["fullauth_memory"] = fullauth_round("memory", {})
    if not a.skip_redis and shutil.which("redis-server"):
        port, pidfile = start_redis()
        try:
            results["fullauth_redis"] = fullauth_round("redis", {"FullAuth__RedisUrl": f"127.0.0.1:{port}"})
        finally:
            stop_redis(pidfile)

    if not a.skip_peer:
        peer = Server("identity-peer", peer_dll, {"ConnectionString": f"Data Source={os.path.join(workdir, 'peer.db')}"}, free_port(), "/hello")
        try:
            print("[peer] seeding ...", flush=True)
            paths = seed_peer(peer.base, a.users, workdir)
            p = {}
            p["hello"] = wrk(peer.base + "/hello", "get.lua", [], d, c)
            p["me"] = wrk(peer.base, "bearer-get.lua", [paths["access"], "/manage/info", 2], d, c)
            p["refresh"] = wrk(peer.base, "refresh-chains.lua", [paths["refresh"], "/refresh", 2, "refreshToken", "refreshToken"], d, min(c, a.users))
            p["login"] = wrk(peer.base, "login.lua", [paths["users"], "/login", 2], d, 16)
            p["peak_rss_mib"] = peer.peak_rss_mib()
            results["identity_peer"] = p
        finally:
            peer.stop()

    shutil.rmtree(workdir, ignore_errors=True)
    report(results, a)


def report(r, a):
    m = r["fullauth_memory"]
    ratio = lambda x, y: round(x / y, 2) if x and y else None
    targets = [
        ("me ≥ 0.70 × hello", ratio(m["me"]["rps"], m["hello"]["rps"]), 0.70),
        ("login ≥ 0.90 × raw hash rate", ratio(m["login"]["rps"], r["hash_rate"]["hashes_per_second"]), 0.90),
        ("me-under-login-flood p99 ≤ 25 ms", m["me_under_login_flood"]["p99_ms"], 25.0),
        ("peak RSS ≤ 250 MiB", m["peak_rss_mib"], 250.0),
    ]
    if "identity_peer" in r:
        p = r["identity_peer"]
        targets.insert(0, ("me ≥ 1.1 × peer /manage/info", ratio(m["me"]["rps"], p["me"]["rps"]), 1.1))
        targets.insert(1, ("refresh ≥ 1.0 × peer /refresh", ratio(m["refresh"]["rps"], p["refresh"]["rps"]), 1.0))
    if "fullauth_redis" in r:
        targets.append(("me (Redis) ≥ 0.5 × me (memory)", ratio(r["fullauth_redis"]["me"]["rps"], m["me"]["rps"]), 0.5))
    lines = [f"# Latest benchmark run\n",
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.node()}; {os.cpu_count()} cores; "
             f"wrk -t2 -c{a.connections} -d{a.duration}s on loopback; {a.users} users; SQLite.\n",
             "| run | scenario | req/s | p50 ms | p99 ms | non-2xx | socket errors |", "|---|---|---|---|---|---|---|"]
    for run in ("fullauth_memory", "fullauth_redis", "identity_peer"):
        for name, v in r.get(run, {}).items():
            if isinstance(v, dict) and "rps" in v:
                lines.append(f"| {run} | {name} | {v['rps']:.0f} | {v['p50_ms']:.2f} | {v['p99_ms']:.2f} | {v['status_errors']} | {v['socket_errors']} |")
    lines += ["", f"Raw Argon2id rate (19 MiB, t=2, p=1, {r['hash_rate']['threads']} threads): {r['hash_rate']['hashes_per_second']:.1f} hashes/s.",
              f"Peak RSS: FullAuth {m['peak_rss_mib']:.0f} MiB" + (f", peer {r['identity_peer']['peak_rss_mib']:.0f} MiB." if "identity_peer" in r else "."), "",
              "FullAuth RSS high-water mark after each step (where the peak is reached): "
              + ", ".join(f"{k} {v:.0f} MiB" for k, v in m.get("rss_high_water_mib", {}).items() if v is not None) + ".", "",
              "| target | measured | goal | met |", "|---|---|---|---|"]
    for name, value, goal in targets:
        lower_is_better = "≤" in name
        met = value is not None and (value <= goal if lower_is_better else value >= goal)
        lines.append(f"| {name} | {value} | {goal} | {'yes' if met else 'NO'} |")
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(r, f, indent=2)
    with open(os.path.join(RESULTS, "latest.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
