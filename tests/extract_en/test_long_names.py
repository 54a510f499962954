"""Long official names the small model cuts short, found whole by the ruler patterns (patterns.py)."""

from __future__ import annotations


def _names(ex, etype: str | None = None) -> set[str]:
    return {e.name for e in ex.entities if etype is None or e.type == etype}


def test_comma_lists_and_and_inside_one_name(extract_text) -> None:
    ex = extract_text("The Department for Business, Energy and Industrial Strategy asked the Bureau of Industry and "
                      "Security and the Hubei Provincial Department of Science and Technology for comment.")
    assert {"Department for Business, Energy and Industrial Strategy", "Bureau of Industry and Security",
            "Hubei Provincial Department of Science and Technology"} <= _names(ex, "PublicBody")


def test_two_coordinated_universities_stay_two(extract_text) -> None:
    ex = extract_text("Harbin Institute of Technology and Beijing Institute of Technology signed with Nanjing "
                      "University of Aeronautics and Astronautics on Monday.")
    assert {"Harbin Institute of Technology", "Beijing Institute of Technology",
            "Nanjing University of Aeronautics and Astronautics"} <= _names(ex, "University")


def test_event_names_with_brackets_dashes_and_a_topic(extract_text) -> None:
    ex = extract_text("He spoke at the China–UK Local Government Forum on Monday, at the International Symposium on "
                      "Space Robotics and at the China (Zhejiang) Investment and Trade Fair.")
    events = _names(ex, "Event")
    assert {"China–UK Local Government Forum", "International Symposium on Space Robotics",
            "China (Zhejiang) Investment and Trade Fair"} <= events
    assert not [e for e in events if "Monday" in e]


def test_districts_in_an_address_are_places(extract_text) -> None:
    ex = extract_text("Beijing Institute of Technology, 5 South Zhongguancun Street, Haidian District, Beijing, China.")
    assert {"Haidian District", "Beijing"} <= _names(ex, "Place")
    assert "South Zhongguancun Street" not in _names(ex)
