"""Chinese wire datelines and bylines (zh/dateline.py): found in the opening of corpus/train stories, and their
agency and reporter stay entities but are no relation party."""

from __future__ import annotations

from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.dateline import datelines, furniture
from mcfwatch.model import Document


def _doc(corpus: list[TrainDoc], doc_id: str) -> TrainDoc:
    return next(d for d in corpus if d.id == doc_id)


def test_wire_house_and_byline_datelines(corpus: list[TrainDoc]) -> None:
    def found(doc_id: str) -> list[str]:
        text = _doc(corpus, doc_id).text
        return [text[s:e] for s, e in datelines(text)]

    assert found("zh-w-0001") == ["新华社西安11月5日电（记者 王磊）"]  # after a headline line
    assert found("zh-w-0007") == ["新华社北京9月11日电"]
    assert found("zh-w-0082") == ["本网讯（通讯员 孟琳）"]
    assert found("zh-w-0085") == ["本报讯 张伟东、特约记者李桐报道："]
    assert found("zh-w-0041") == ["本报长沙10月18日电"]
    assert found("zh-w-0095") == []  # 记者日前获悉: the reporter in the story's own sentence, no dateline


def test_a_dateline_only_opens_a_story() -> None:
    body = "国家主席习近平会见来宾。" * 30
    assert datelines(body + "\n新华社北京4月26日电 双方签署协议。") == []
    assert datelines("某某公司新闻\n\n新华社北京4月26日电 双方签署协议。") == [(8, 19)]


def test_the_agency_is_an_entity_but_no_party(corpus: list[TrainDoc], zh_extractor: ChineseExtractor) -> None:
    # zh-w-0007: the model read the dateline's agency as the host 阿里·汗 visited (visit 阿里·汗 -> 新华社).
    doc = _doc(corpus, "zh-w-0007")
    ex = next(zh_extractor.extract_many([Document(text=doc.text, language="zh", published="2019-09-11")]))
    names = {e.id: e.name for e in ex.entities}
    assert "新华社" in names.values()
    parties = {names[r.source] for r in ex.relations} | {names[r.target] for r in ex.relations}
    assert "新华社" not in parties
    assert ("张克勤", "阿里·汗") in {(names[r.source], names[r.target]) for r in ex.relations if r.type == "meeting"}


def test_page_furniture_names_are_no_party(zh_extractor: ChineseExtractor) -> None:
    # Our own release in a university news site's form: who supplied, wrote, checked and edited it.
    text = ("西岭大学与北方航空研究所签署战略合作协议\n发布时间：2023-05-08\n"
            "5月6日，西岭大学与北方航空研究所签署战略合作协议。副校长刘建国出席签约仪式。\n"
            "（供稿：机电工程学院 撰稿：李明 审核：王强 编辑：张丽）")
    assert [text[s:e] for s, e in furniture(text)] == ["发布时间：2023-05-08", "（供稿：机电工程学院 撰稿：李明 审核：王强 编辑：张丽）"]
    ex = next(zh_extractor.extract_many([Document(text=text, language="zh", published="2023-05-08")]))
    names = {e.id: e.name for e in ex.entities}
    assert {"张丽", "李明"} <= set(names.values())  # a name, not 张丽） with the bracket
    parties = {names[r.source] for r in ex.relations} | {names[r.target] for r in ex.relations}
    assert not parties & {"机电工程学院", "李明", "王强", "张丽"}
    assert {"西岭大学", "北方航空研究所"} <= parties
