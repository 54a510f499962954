"""Where the English extraction spends its time on the shipped corpus (the texts of benchmarks/extraction.py's speed).

Run: ``nice -n 10 .venv/bin/python benchmarks/profile_en.py [--top N] [--rounds R]``

Prints, from one run, CPU seconds (``time.process_time``, best of ``R`` rounds; other processes on a shared
machine do not count) of:
- each component of the mcfwatch pipeline, run one after another over the whole corpus in batches as
  ``nlp.pipe`` does, next to the bare model's tok2vec + ner pass over the same texts (the speed baseline);
- ``extract_parsed`` (the rule passes and the relation model) over the parsed documents;
and then the ``cProfile`` listing of ``extract_parsed`` (the Python-level hotspots), by own time and cumulative.
Reads only files inside the repository.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import corpus_texts  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.util import minibatch  # noqa: E402

from mcfwatch.extract.en import EnglishExtractor  # noqa: E402
from mcfwatch.extract.en.extractor import BATCH, extract_parsed  # noqa: E402
from mcfwatch.extract.en.model import load_bare  # noqa: E402
from mcfwatch.model import Document  # noqa: E402


def best(fn: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """The least CPU time of ``rounds`` calls of ``fn`` and the last call's result."""
    least, out = float("inf"), None
    for _ in range(rounds):
        t0 = time.process_time()
        out = fn()
        least = min(least, time.process_time() - t0)
    return least, out


def by_component(nlp: Language, texts: list[str], rounds: int) -> tuple[list[tuple[str, float]], list[Doc]]:
    """CPU seconds of each pipe over all texts (tokenizer first), batched as ``nlp.pipe`` batches them."""
    times: list[tuple[str, float]] = []
    t, docs = best(lambda: [nlp.make_doc(t) for t in texts], rounds)
    times.append(("tokenizer", t))
    for name, proc in nlp.pipeline:
        def run(proc: Any = proc, docs: list[Doc] = docs) -> list[Doc]:
            copies = [d.copy() for d in docs]  # a component must not see its own output from the last round
            out: list[Doc] = []
            for batch in minibatch(copies, size=BATCH):
                out.extend(proc.pipe(batch) if hasattr(proc, "pipe") else (proc(d) for d in batch))
            return out
        t0 = time.process_time()
        [d.copy() for d in docs]
        copy_cost = time.process_time() - t0
        t, docs = best(run, rounds)
        times.append((name, max(0.0, t - copy_cost)))
    return times, docs


def extract_all(engine: EnglishExtractor, docs: list[Document], parsed: Iterable[Doc]) -> None:
    for doc, sdoc in zip(docs, parsed, strict=True):
        extract_parsed(doc, sdoc, engine.relations, engine.model, typer=engine.typer)


def main(argv: list[str]) -> None:
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 30
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 2
    docs = corpus_texts()
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    engine = EnglishExtractor()
    bare = load_bare()

    def bare_pass() -> None:
        with bare.select_pipes(enable=["tok2vec", "ner"]):
            for _ in bare.pipe(texts, batch_size=16):
                pass

    t_bare, _ = best(bare_pass, rounds)
    comps, parsed = by_component(engine.nlp, texts, rounds)
    t_extract, _ = best(lambda: extract_all(engine, docs, parsed), rounds)
    t_pipe = sum(t for _, t in comps)
    print(f"shipped English corpus: {len(docs)} documents, {words} words; CPU s, best of {rounds}")
    print(f"bare spaCy tok2vec + ner pass: {t_bare:.2f} s")
    for name, t in comps:
        print(f"  {name:28s} {t:6.2f} s")
    print(f"  {'(pipeline total)':28s} {t_pipe:6.2f} s")
    print(f"  {'extract_parsed':28s} {t_extract:6.2f} s")
    print(f"mcfwatch total {t_pipe + t_extract:.2f} s; ratio bare / mcfwatch {t_bare / (t_pipe + t_extract):.2f}")
    prof = cProfile.Profile()
    prof.enable()
    extract_all(engine, docs, parsed)
    prof.disable()
    for key in ("tottime", "cumulative"):
        print(f"\nextract_parsed, cProfile by {key} (top {top}):")
        pstats.Stats(prof, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(top)


if __name__ == "__main__":
    main(sys.argv[1:])
