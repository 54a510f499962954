"""LAC under a long run of batches of varying lengths, as a big ingest gives it: does the process survive?

Each configuration runs in its own process for --seconds (or until it dies): batches of 1-8 texts, each text 1-6
real Chinese sentences joined, drawn (seeded) from the shipped Chinese samples and corpus/train/zh.jsonl. Printed:
batches done, CPU seconds per 1,000 batches, and how the process ended. `shipped` is mcfwatch's configuration
(lac_shim.analysis_config); `fused` the previous one (switch_ir_optim(True): fused oneDNN kernels), which died of
heap corruption after ~8,000-9,000 batches on this machine (SIGSEGV in FusionGRUKernel, or glibc's "malloc
assertion failure") or hung inside the predictor (a process that does not answer 120 s after its time is killed
and reported as hung).

    python benchmarks/lac_stress.py --seconds 300            # shipped and fused side by side
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "corpus" / "train" / "zh.jsonl").open(encoding="utf-8")
             if line.strip()]
    return [s for t in texts for s in t.replace("\n", "。").split("。") if len(s) > 4]


def run(config: str, seconds: float) -> None:
    from mcfwatch.extract.zh import lac_shim

    lac_shim.install()
    if config == "fused":
        import paddle.fluid.core as core  # the shim's module

        shipped = core.AnalysisConfig

        def fused(model_dir: str) -> object:
            cfg = shipped(model_dir)
            cfg.switch_ir_optim(True)
            return cfg

        core.AnalysisConfig = fused
        import LAC.lac
        import LAC.models

        LAC.lac.AnalysisConfig = fused
        LAC.models.AnalysisConfig = fused
    from LAC import LAC as Lac

    lac = Lac(mode="lac")
    pool = sentences()
    rng = random.Random(7)
    start, cpu0, n = time.monotonic(), time.process_time(), 0
    while time.monotonic() - start < seconds:
        lac.run(["。".join(rng.sample(pool, rng.randint(1, 6))) for _ in range(rng.randint(1, 8))])
        n += 1
        if n % 1000 == 0:
            print(json.dumps({"batches": n, "cpu": round(time.process_time() - cpu0, 1)}), flush=True)
    print(json.dumps({"batches": n, "cpu": round(time.process_time() - cpu0, 1), "done": True}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=300, help="how long each configuration runs")
    ap.add_argument("--configs", default="shipped,fused", help="comma-separated: shipped, fused")
    ap.add_argument("--run", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run(args.run, args.seconds)
        return
    for config in args.configs.split(","):
        command = [sys.executable, __file__, "--run", config, "--seconds", str(args.seconds)]
        try:
            proc = subprocess.run(command, capture_output=True, text=True, check=False, timeout=args.seconds + 120)
            out, ended = proc.stdout, ""
        except subprocess.TimeoutExpired as exc:  # heap corruption can also deadlock inside LAC's predictor
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            ended = f"HUNG: no answer {args.seconds + 120:.0f} s after its start (killed)"
        last = {"batches": 0, "cpu": 0.0}
        for line in out.splitlines():
            if line.startswith("{"):
                last = json.loads(line)
        if not ended:
            ended = "ran its time" if last.get("done") else f"DIED (exit {proc.returncode}): {_why(proc.stderr)}"
        per = 1000 * last["cpu"] / last["batches"] if last["batches"] else 0.0
        print(f"{config:8} {last['batches']:>7,} batches  {per:6.2f} CPU s per 1,000  {ended}")


def _why(stderr: str) -> str:
    for key in ("malloc", "SIGSEGV", "SIGABRT", "Error"):
        for line in stderr.splitlines():
            if key in line:
                return line.strip()[:120]
    return stderr.strip().splitlines()[-1][:120] if stderr.strip() else "no message"


if __name__ == "__main__":
    main()
