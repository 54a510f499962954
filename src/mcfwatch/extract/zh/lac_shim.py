"""A stand-in for ``paddle.fluid``, which LAC 2.1.2 imports but Paddle >= 2.6 no longer ships.

Inference only (LAC's training code stays broken). Installed into ``sys.modules`` by ``install()``
before ``from LAC import LAC``; see shared/research/nlp-offline-stack.md for where it was measured.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class PaddleTensor:
    def __init__(self, data: Any = None) -> None:
        self._np = data
        self.lod: list[Any] = []
        self.shape = list(getattr(data, "shape", []))
        self.data = types.SimpleNamespace(int64_data=lambda: self._np.reshape(-1).tolist())


def install() -> None:
    """Register the shim as ``paddle.fluid`` (idempotent)."""
    if "paddle.fluid" in sys.modules:
        return
    import paddle
    import paddle.inference as pi

    def analysis_config(model_dir: str) -> Any:
        cfg = pi.Config(model_dir)
        cfg.disable_gpu()
        # No graph fusion: with it, Paddle 2.6 runs LAC's GRU and fc layers as fused oneDNN kernels, which corrupt
        # the heap after some thousands of batches of varying lengths (a worker of a 100,000-document ingest died
        # with SIGSEGV in FusionGRUKernel, another with "malloc assertion failure"; benchmarks/lac_stress.py
        # reproduces it in ~9,000 batches, also with set_mkldnn_cache_capacity). Unfused, the same texts give
        # identical output at ~1.4x LAC's CPU time (disable_mkldnn: identical too, ~2x).
        cfg.switch_ir_optim(False)
        cfg.set_cpu_math_library_num_threads(1)
        return cfg

    class _Predictor:
        def __init__(self, cfg: Any) -> None:
            self.p = pi.create_predictor(cfg)

        def run(self, tensors: list[PaddleTensor]) -> list[PaddleTensor]:
            for name, t in zip(self.p.get_input_names(), tensors, strict=False):
                h = self.p.get_input_handle(name)
                h.reshape(t.shape)
                h.copy_from_cpu(t._np.reshape(t.shape))
                h.set_lod(t.lod)
            self.p.run()
            outs = []
            for name in self.p.get_output_names():
                h = self.p.get_output_handle(name)
                o = PaddleTensor(h.copy_to_cpu())
                o.lod = h.lod()
                outs.append(o)
            return outs

    core = types.ModuleType("paddle.fluid.core")
    core.PaddleTensor = PaddleTensor  # type: ignore[attr-defined]
    core.AnalysisConfig = analysis_config  # type: ignore[attr-defined]
    core.create_paddle_predictor = _Predictor  # type: ignore[attr-defined]
    fluid = types.ModuleType("paddle.fluid")
    fluid.core = core  # type: ignore[attr-defined]
    fluid.CPUPlace = paddle.CPUPlace  # type: ignore[attr-defined]
    fluid.CUDAPlace = getattr(paddle, "CUDAPlace", None)  # type: ignore[attr-defined]
    fluid.Executor = lambda place: None  # type: ignore[attr-defined]
    fluid.is_compiled_with_cuda = paddle.is_compiled_with_cuda  # type: ignore[attr-defined]
    sys.modules["paddle.fluid"] = fluid
    sys.modules["paddle.fluid.core"] = core
    paddle.fluid = fluid
