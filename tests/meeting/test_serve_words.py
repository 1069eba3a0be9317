"""board serve speaks the command line's language to its console and to a refused browser."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from tui.web_server import BoardServer


@pytest.mark.parametrize(("lang", "text"), [("th-ascii", "กระดานนี้เปิดให้ใช้เฉพาะบนเครื่องนี้\n"),
                                            ("en", "this board is served to this machine only\n")])
def test_a_refused_browser_is_told_why_in_the_servers_language(lang: str, text: str) -> None:
    # A page that renamed itself onto 127.0.0.1 (DNS rebinding) is refused before anything runs.
    server = BoardServer(lambda officer: "board", lang=lang, host="127.0.0.1", port=8000)
    request = make_mocked_request("GET", "/", headers={"Host": "rebound.example:8000"})
    with pytest.raises(web.HTTPForbidden) as refused:
        asyncio.run(server._same_site(request, None))
    assert refused.value.text == text
