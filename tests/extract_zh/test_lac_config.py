"""LAC runs unfused: Paddle's fused oneDNN kernels corrupted the heap after some thousands of batches of varying
lengths (a 100,000-document ingest lost a worker to SIGSEGV in FusionGRUKernel; benchmarks/lac_stress.py shows the
fused configuration dying after ~9,000 batches while the shipped one runs on). Outputs are the same either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.data import sample_path

pytest.importorskip("paddle")  # LAC itself imports only after the shim is installed


def test_the_predictor_is_configured_without_graph_fusion() -> None:
    from mcfwatch.extract.zh import lac_shim

    lac_shim.install()
    import LAC
    import paddle.fluid.core as core  # the shim

    cfg = core.AnalysisConfig(str(Path(LAC.__file__).parent / "lac_model" / "model"))
    assert cfg.ir_optim() is False


def test_unfused_lac_reads_the_chinese_seed_as_fused_lac_did() -> None:
    """The organisations LAC (with mcfwatch's custom dictionary) tags in the Chinese seed: the same set the fused
    configuration gave (benchmarks' comparison: 205 of 205 corpus documents tagged identically)."""
    from mcfwatch.extract.zh.tagger import LacTagger

    text = (sample_path() / "zh" / "seed_zh.txt").read_text(encoding="utf-8")
    words, tags = LacTagger().lac.run(text)
    orgs = {w for w, tag in zip(words, tags, strict=True) if tag == "ORG"}
    assert orgs == {"中共", "意大利HT&L公司", "河北立中集团", "立中集团", "英国MQP公司", "英国布鲁内尔大学", "解放军保定军分区组织"}
