"""One visitor's tab, without a browser: Streamlit's own websocket protocol, as its frontend speaks it.

The frontend opens a websocket at /_stcore/stream (subprotocol "streamlit") and sends BackMsg
protobufs; the server answers with ForwardMsg protobufs. A run of the script is asked for with a
`rerun_script` BackMsg carrying the page's query string, the page (its url path as `page_name` on a
first visit, its `page_script_hash` after a switch) and the values of the page's widgets; the server
sends the page as `delta` messages, then `script_finished`. Widget ids come from those deltas
(keyed widgets' ids end in "-<key>"). When the script changes the link, the server sends the new
query string in `page_info_changed`, and the next request carries it, as the address bar would. (A
widget bound to the link is written into the address bar by the browser's own code; this client
sends the new value as the widget's state only, which the server takes before the link's value.)

Only the message classes Streamlit ships (streamlit.proto) are used, so the client follows the
installed Streamlit. A reader thread takes every frame off the socket as it arrives (it also answers
the server's pings while the visitor "thinks"); under Locust, gevent turns that thread into a greenlet.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websocket  # websocket-client: blocking, so gevent (Locust) can patch it
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM_PATH = "/_stcore/stream"
ID_PREFIX = "$$ID-"  # generated widget ids: "$$ID-<hash>-<key>", with "None" for a widget without a key
UNFINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN  # a run replaced by the next one


class RunFailed(Exception):
    """The server did not finish the run: no connection, a closed one, or a message the client cannot place."""


class RunTimedOut(RunFailed):
    """No script_finished within the client's time-out."""


@dataclass
class Widget:
    id: str
    kind: str  # the Element field: "checkbox" (also toggles), "slider", "radio", "button", ...
    label: str
    proto: object  # the widget's own message, for its options, value and bounds

    @property
    def key(self) -> str | None:
        if not self.id.startswith(ID_PREFIX):
            return None
        key = self.id[len(ID_PREFIX) :].split("-", 1)[1]
        return None if key == "None" else key


@dataclass
class Run:
    """What one request made the server do, as the frontend would see it."""

    seconds: float = float("nan")  # from the BackMsg sent to the script_finished received
    status: int = -1  # ForwardMsg.ScriptFinishedStatus, once finished
    widgets: list[Widget] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)  # "Type: message" of every exception element drawn
    page_not_found: bool = False
    elements: int = 0

    @property
    def ok(self) -> bool:
        return (
            not self.exceptions
            and not self.page_not_found
            and self.status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
        )

    def widget(self, key: str | None = None, label: str | None = None, key_prefix: str | None = None) -> Widget:
        """The first widget on the page with this key, label or key prefix."""
        for widget in self.widgets:
            if (
                key is not None
                and widget.key == key
                or label is not None
                and widget.label == label
                or key_prefix is not None
                and (widget.key or "").startswith(key_prefix)
            ):
                return widget
        raise LookupError(f"no widget with key {key!r}, label {label!r} or key prefix {key_prefix!r} on this page")


class StreamlitClient:
    """A session on a Streamlit server: open a page, change widgets, switch pages; each call is one run."""

    def __init__(self, base_url: str, timeout_s: float = 60, cookie: str | None = None) -> None:
        parts = urlsplit(base_url)
        self.cookie = cookie  # e.g. a proxy's sticky-session cookie, sent with the websocket handshake
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.ws_url = (
            f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}{parts.path.rstrip('/')}{STREAM_PATH}"
        )
        self.timeout_s = timeout_s
        self.query_string = ""
        self.page_hash = ""  # the page the server says it runs (Navigation.page_script_hash)
        self.pages: dict[str, str] = {}  # url path -> page_script_hash, from the Navigation message
        self.widget_states: dict[str, WidgetState] = {}  # values this visitor set on the current page
        self.cached: dict[str, bytes] = {}  # cacheable messages by hash: the server may send just a reference
        self._inbox: queue.Queue = queue.Queue()
        self._socket: websocket.WebSocket | None = None
        self._reader: threading.Thread | None = None

    # ------------------------------------------------------------------ connection

    def connect(self) -> None:
        try:
            self._socket = websocket.create_connection(
                self.ws_url,
                subprotocols=["streamlit"],
                origin=self.origin,
                timeout=self.timeout_s,
                cookie=self.cookie,
                enable_multithread=True,
            )
        except (websocket.WebSocketException, OSError) as error:
            raise RunFailed(f"could not open the websocket: {error}") from error
        self._socket.settimeout(None)  # the reader waits for as long as the tab is open
        self._reader = threading.Thread(target=self._read, daemon=True, name="streamlit-client-reader")
        self._reader.start()

    @property
    def handshake_headers(self) -> dict[str, str]:
        """The server's (or proxy's) response headers to the websocket handshake."""
        return dict(self._socket.getheaders() or {}) if self._socket else {}

    def _read(self) -> None:
        try:
            while True:
                opcode, data = self._socket.recv_data()
                if opcode == websocket.ABNF.OPCODE_CLOSE:
                    break
                self._inbox.put((time.perf_counter(), data))
        except (websocket.WebSocketException, OSError):
            pass
        self._inbox.put((time.perf_counter(), None))  # the connection is gone

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> StreamlitClient:
        self.connect()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ what a visitor does

    def open(self, url_path: str, query_string: str = "") -> Run:
        """Open a page by its link, as typing the address or following a shared link does."""
        self.query_string, self.widget_states = query_string.lstrip("?"), {}
        return self._rerun(page_name=url_path)

    def switch_to(self, url_path: str) -> Run:
        """Follow a link in the navigation to another page (its link parameters are left behind)."""
        if url_path not in self.pages:
            raise LookupError(f"no page at {url_path!r}; the app has {sorted(self.pages)}")
        self.query_string, self.widget_states = "", {}
        return self._rerun(page_name=url_path, page_hash=self.pages[url_path])

    def set_value(self, widget: Widget, **value) -> Run:
        """Change a widget, e.g. set_value(toggle, bool_value=True), and wait for the rerun it causes."""
        state = WidgetState(id=widget.id, **value)
        self.widget_states[widget.id] = state
        return self._rerun(page_hash=self.page_hash)

    def click(self, button: Widget) -> Run:
        """Press a button: a trigger sent once, not kept among the widget values."""
        return self._rerun(page_hash=self.page_hash, trigger=WidgetState(id=button.id, trigger_value=True))

    # ------------------------------------------------------------------ protocol

    def _rerun(self, page_name: str = "", page_hash: str = "", trigger: WidgetState | None = None) -> Run:
        message = BackMsg()
        request = message.rerun_script
        request.query_string = self.query_string
        request.page_name = page_name
        request.page_script_hash = page_hash
        request.widget_states.widgets.extend(self.widget_states.values())
        if trigger is not None:
            request.widget_states.widgets.append(trigger)
        request.cached_message_hashes.extend(self.cached)
        request.context_info.url = f"{self.origin}/{page_name}"
        request.context_info.locale = "en-GB"
        request.context_info.timezone = "UTC"
        if self._socket is None:
            raise RunFailed("not connected")
        self._drain()
        started = time.perf_counter()
        try:
            self._socket.send_binary(message.SerializeToString())
        except (websocket.WebSocketException, OSError) as error:
            raise RunFailed(f"could not send: {error}") from error
        return self._collect(started)

    def _drain(self) -> None:
        """Take in what arrived since the last run ended (the rest of a run that timed out), so that
        its script_finished cannot end the next run."""
        while not self._inbox.empty():
            _, data = self._inbox.get_nowait()
            if data is None:
                raise RunFailed("the server closed the connection")
            self._take(self._parse(data), Run())

    def _collect(self, started: float) -> Run:
        run = Run()
        deadline = started + self.timeout_s
        while True:
            try:
                arrived, data = self._inbox.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise RunTimedOut(f"no script_finished within {self.timeout_s:g} s") from None
            if data is None:
                raise RunFailed("the server closed the connection")
            message = self._parse(data)
            if self._take(message, run) and message.script_finished != UNFINISHED:
                run.seconds, run.status = arrived - started, message.script_finished
                return run

    def _parse(self, data: bytes) -> ForwardMsg:
        """The message, with a reference to an earlier cacheable message replaced by that message."""
        message = ForwardMsg.FromString(data)
        if message.WhichOneof("type") == "ref_hash":
            if message.ref_hash not in self.cached:
                raise RunFailed(f"the server referred to a message this client never received ({message.ref_hash})")
            message = ForwardMsg.FromString(self.cached[message.ref_hash])
        elif message.metadata.cacheable:
            self.cached[message.hash] = data
        return message

    def _take(self, message: ForwardMsg, run: Run) -> bool:
        """Note what the message tells; True when it is script_finished."""
        kind = message.WhichOneof("type")
        if kind == "navigation":
            self.pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
            self.page_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "page_not_found":
            run.page_not_found = True
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._take_element(message.delta.new_element, run)
        return kind == "script_finished"

    @staticmethod
    def _take_element(element, run: Run) -> None:
        run.elements += 1
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        if kind == "exception":
            run.exceptions.append(f"{proto.type}: {proto.message}"[:200])
        elif str(getattr(proto, "id", "")).startswith(ID_PREFIX):
            run.widgets.append(Widget(proto.id, kind, getattr(proto, "label", ""), proto))
