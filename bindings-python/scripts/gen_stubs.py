#!/usr/bin/env python3
"""Writes the generated parts of the Python package from the core's tables and models.

Nothing here is typed twice: the operations, error classes and settings come from
``cargo run -q -p iqtech --example surface`` (the core's tables as JSON), the model classes
and error fields from the Rust structs in ``core/src/``. Run after any of them changes:

    python3 bindings-python/scripts/gen_stubs.py          # rewrite the generated parts
    python3 bindings-python/scripts/gen_stubs.py --check  # fail if any is stale (CI)
    ... --surface FILE                                     # read the surface JSON from FILE

Written:
- ``python/iqtech/errors.py``: every exception class of ``iqtech::ERROR_CLASSES`` (whole file);
- ``python/iqtech/_enums.py``: a ``str`` enum for every enum of ``iqtech::ENUMS`` (whole file);
- ``python/iqtech/types.py``: a ``TypedDict`` for every record input of the operation table and
  for the sandbox's ``FaultSpec`` (whole file);
- ``python/iqtech/_native.pyi``, between markers: the clients (keyword arguments from
  ``iqtech::SETTINGS``), every group class with its methods (signatures, defaults, docs from
  the operation table) and the model classes (from the structs marked ``feature = "python"``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORE = ROOT / "core" / "src"
MODEL_FILES = sorted((CORE / "models").glob("*.rs")) + [CORE / "reports.rs"]
PKG = HERE.parent / "python" / "iqtech"
STUB = PKG / "_native.pyi"
ERRORS = PKG / "errors.py"
TYPES = PKG / "types.py"
ENUMS = PKG / "_enums.py"

# Python builtins an exception class also derives from, so `except ValueError` and friends
# catch it (a Python convention, not part of the shared table).
BUILTIN_BASES = {
    "ValidationError": "ValueError",
    "ConnectionError": "builtins.ConnectionError",
    "TimeoutError": "builtins.TimeoutError",
}

SCALARS = {
    "String": "str",
    "bool": "bool",
    "i64": "int",
    "u16": "int",
    "u32": "int",
    "u64": "int",
    "Decimal": "Decimal",
    "NaiveDate": "date",
    "Timestamp": "datetime | str",
    "Language": "Language | str",
    "StockSeverity": "StockSeverity",
    "Duration": "float",
    "FieldError": "FieldError",
    "()": "None",
}

SETTING_TYPES = {
    "text": "str",
    "secret": "str",
    "integer": "int",
    "duration": "float",
    "boolean": "bool",
    "headers": "Mapping[str, str]",
}


def py_type(rust: str, optional: str = "{} | None") -> str:
    rust = rust.strip().replace(" ", "")
    m = re.fullmatch(r"Option<(.+)>", rust)
    if m:
        return optional.format(py_type(m.group(1), optional))
    m = re.fullmatch(r"Vec<(.+)>", rust)
    if m:
        return f"builtins.list[{py_type(m.group(1), optional)}]"
    return SCALARS.get(rust, rust)


def doc(text: str, indent: str) -> str:
    text = " ".join(text.split()).replace("\\", "\\\\").replace('"""', "'''")
    return f'{indent}"""{text}"""\n'


# --- Rust structs -------------------------------------------------------------------------


def structs(text: str, marker: str | None) -> list[tuple[str, list[str], list[tuple[str, str, list[str]]]]]:
    """(name, doc lines, fields (name, rust type, doc lines)) of each struct whose attributes
    contain ``marker`` (every struct when it is None)."""
    out = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"pub struct (\w+) \{", line)
        if not m:
            continue
        j = i - 1
        attrs = []
        while j >= 0 and (lines[j].startswith("#") or lines[j].startswith(" ") or lines[j].startswith(")")):
            attrs.append(lines[j])
            j -= 1
        docs = []
        while j >= 0 and lines[j].startswith("///"):
            docs.insert(0, lines[j][3:].strip())
            j -= 1
        if marker is not None and marker not in " ".join(attrs):
            continue
        fields = []
        field_doc: list[str] = []
        k = i + 1
        while not lines[k].startswith("}"):
            s = lines[k].strip()
            if s.startswith("///"):
                field_doc.append(s[3:].strip())
            fm = re.match(r"pub (\w+): (.+),$", s)
            if fm:
                fields.append((fm.group(1), fm.group(2), field_doc))
                field_doc = []
            elif not s.startswith("///") and not s.startswith("#"):
                field_doc = field_doc if s else field_doc
            k += 1
        out.append((m.group(1), docs, fields))
    return out


def render_models() -> str:
    parts = []
    for path in MODEL_FILES:
        for name, docs, fields in structs(path.read_text(), 'feature = "python"'):
            parts.append(f"\n@final\nclass {name}:\n")
            if docs:
                parts.append(doc(" ".join(docs), "    "))
            for fname, ftype, fdoc in fields:
                parts.append(f"    @property\n    def {fname}(self) -> {py_type(ftype).replace('builtins.list', 'list')}:\n")
                parts.append(doc(" ".join(fdoc), "        ") if fdoc else "        ...\n")
            parts.append(
                "    def to_dict(self) -> dict[str, Any]:\n"
                '        """This record as plain values (the JSON form: decimals and timestamps as str)."""\n'
                "    def __eq__(self, other: object, /) -> bool: ...\n"
                "    def __ne__(self, other: object, /) -> bool: ...\n"
                "    __hash__: ClassVar[None]  # type: ignore[assignment]\n"
            )
    return "".join(parts)


# --- clients and groups ---------------------------------------------------------------------


def settings_params(surface: dict[str, Any], indent: str) -> str:
    return "".join(
        f"{indent}{s['name']}: {SETTING_TYPES[s['kind']]} | None = None,\n" for s in surface["settings"]
    )


def request_option_params(surface: dict[str, Any]) -> str:
    """The keyword parameters of `with_options`: `iqtech::REQUEST_OPTIONS`, typed by kind."""
    return "".join(
        f"        {o['name']}: {SETTING_TYPES[o['kind']]} | None = None,\n" for o in surface["request_options"]
    )


def client_class(surface: dict[str, Any], name: str, prefix: str) -> str:
    a = "Async" if prefix else ""
    out = [f"\n@final\nclass {name}:\n"]
    if a:
        out.append(doc("An asyncio client of the iQ Tech Integration API: its methods return awaitables.", "    "))
    else:
        out.append(doc("A synchronous client of the iQ Tech Integration API; safe to share between threads.", "    "))
    params = settings_params(surface, "        ")
    out.append(f"\n    def __new__(\n        cls,\n        *,\n{params}    ) -> Self: ...\n")
    out.append(f"    @classmethod\n    def from_env(\n        cls,\n        *,\n{params}    ) -> {name}:\n")
    out.append(doc("A client from IQTECH_CLIENT_ID, IQTECH_CLIENT_SECRET (and the URL variables), with these settings on top.", "        "))
    for g in surface["groups"]:
        out.append(f"    @property\n    def {g['name']}(self) -> {a}{g['type']}:\n")
        out.append(doc(g["doc"], "        "))
    out.append(
        "    @property\n    def client_id(self) -> str: ...\n"
        "    @property\n    def auth_url(self) -> str: ...\n"
        "    @property\n    def api_url(self) -> str: ...\n"
        "    def close(self) -> None:\n"
        '        """Releases the connections; later calls raise ``ConfigurationError``."""\n'
    )
    out.append(f"    def with_options(\n        self,\n        *,\n{request_option_params(surface)}    ) -> Self:\n")
    out.append(doc("A client over the same connections and token whose every call uses these per-call options (seconds for timeout and deadline).", "        "))
    out.append(
        "    @property\n    def last_response(self) -> ResponseMeta | None:\n"
        '        """What the last call through this client answered (status, headers, elapsed, attempts, request ids)."""\n'
    )
    if a:
        out.append(
            "    def __aenter__(self) -> Awaitable[Self]: ...\n"
            "    def __aexit__(\n        self,\n        exc_type: type[BaseException] | None,\n"
            "        exc: BaseException | None,\n        tb: TracebackType | None,\n        /,\n"
            "    ) -> Awaitable[None]: ...\n"
        )
    else:
        out.append(
            "    def __enter__(self) -> Self: ...\n"
            "    def __exit__(\n        self,\n        exc_type: type[BaseException] | None,\n"
            "        exc: BaseException | None,\n        tb: TracebackType | None,\n        /,\n"
            "    ) -> bool: ...\n"
        )
    return "".join(out)


def returns(op: dict[str, Any], asynchronous: bool) -> str:
    ret = py_type(op["returns"])
    a = "Async" if asynchronous else ""
    if op["kind"] == "items":
        return f"{a}ItemIterator[{ret}]"
    if op["kind"] == "pages":
        return f"{a}PageIterator[{ret}]"
    return f"Awaitable[{ret}]" if asynchronous else ret


def params(op: dict[str, Any], record_form: str | None) -> str:
    """The parameters after ``self``; ``record_form`` is "dict" or "kwargs" for a method with a
    record (its two overloads), None without one."""
    out = []
    seen_record = False
    kwonly = False
    for arg in op["args"]:
        if arg["record"]:
            if record_form == "dict":
                out.append(f"{arg['name']}: {arg['type']}")
            elif record_form == "either":
                out.append(f"{arg['name']}: {arg['type']} | None = None")
            else:
                out.append(f"{arg['name']}: None = None")
            out.append("/")
            seen_record = True
            continue
        text = f"{arg['name']}: {py_type(arg['type'])}"
        if arg["default"] is not None:
            default = {"None": "None", "true": "True", "false": "False"}.get(arg["default"], arg["default"])
            text += f" = {default}"
        if seen_record and not kwonly:
            out.append("*")
            kwonly = True
        out.append(text)
    if record_form in ("kwargs", "either"):
        record = next(a for a in op["args"] if a["record"])
        out.append(f"**kwargs: Unpack[{record['type']}]")
    return ", ".join(["self"] + out)


def all_optional(record: str) -> bool:
    """Whether every field of the input model ``record`` may be left out (then one signature,
    ``(record=None, /, **fields)``, serves both forms; else two overloads)."""
    for path in sorted((CORE / "models").glob("*.rs")):
        for name, _, fields in structs(path.read_text(), None):
            if name == record:
                return all(rust.startswith("Option<") for _, rust, _ in fields)
    raise KeyError(record)


def group_class(surface: dict[str, Any], group: dict[str, Any], asynchronous: bool) -> str:
    name = ("Async" if asynchronous else "") + group["type"]
    client = "iqtech.AsyncClient" if asynchronous else "iqtech.Client"
    out = [f"\n@final\nclass {name}:\n"]
    out.append(doc(f"{group['doc']} Reached as an attribute of ``{client}``.", "    "))
    out.append("\n")
    for op in surface["operations"]:
        if op["group"] != group["name"]:
            continue
        ret = returns(op, asynchronous)
        body = doc(op["doc"], "        ")
        record = next((a for a in op["args"] if a["record"]), None)
        if record is not None and all_optional(record["type"]):
            out.append(f"    def {op['method']}({params(op, 'either')}) -> {ret}:\n{body}")
        elif record is not None:
            for form in ("dict", "kwargs"):
                out.append(f"    @overload\n    def {op['method']}({params(op, form)}) -> {ret}:\n{body}")
        else:
            out.append(f"    def {op['method']}({params(op, None)}) -> {ret}:\n{body}")
    return "".join(out)


def render_clients(surface: dict[str, Any]) -> str:
    parts = [client_class(surface, "Client", ""), client_class(surface, "AsyncClient", "Async")]
    for asynchronous in (False, True):
        for group in surface["groups"]:
            parts.append(group_class(surface, group, asynchronous))
    return "".join(parts)


def sandbox_settings() -> str:
    """``Sandbox.__new__``: the fields of ``iqtech_sandbox::SandboxSettings``."""
    (settings,) = [s for s in structs((ROOT / "sandbox" / "src" / "settings.rs").read_text(), None) if s[0] == "SandboxSettings"]
    out = ["    def __new__(\n        cls,\n        *,\n"]
    for name, rust, _ in settings[2]:
        ty = py_type(re.sub(r"^Option<(.+)>$", r"\1", rust.replace(" ", ""))).replace("builtins.list", "list")
        if not re.fullmatch(r"(int|float|str|bool|list\[FaultSpec\])", ty):
            ty = "dict[str, Any]"  # a nested record of the sandbox (its JSON form, snake_case)
        out.append(f"        {name}: {ty} | None = None,\n")
    out.append("    ) -> Self:\n")
    out.append(doc("Configures a sandbox from the fields of iqtech_sandbox::SandboxSettings (durations in seconds); each has a default. Nothing runs until start() or with.", "        "))
    return "".join(out)


def sandbox_clients(surface: dict[str, Any]) -> str:
    params = settings_params(surface, "        ")
    out = []
    for method, cls, what in (("client", "Client", "client"), ("async_client", "AsyncClient", "asyncio client")):
        out.append(f"    def {method}(\n        self,\n        *,\n{params}    ) -> {cls}:\n")
        out.append(doc(f"A ready {what} for this sandbox: its URLs and credentials unless given.", "        "))
    return "".join(out)


# --- errors.py ------------------------------------------------------------------------------


def render_errors(surface: dict[str, Any]) -> str:
    (_, _, detail_fields), = [s for s in structs((CORE / "error.rs").read_text(), None) if s[0] == "ErrorDetails"]
    fields = {name: (rust, " ".join(d)) for name, rust, d in detail_fields}
    classes = surface["errors"]
    names = [c["name"] for c in classes]
    out = [
        '"""The exceptions of the iQ Tech SDK, one class per entry of the core\'s ``ERROR_CLASSES``.\n\n'
        "Written by ``scripts/gen_stubs.py`` from the core's tables; do not edit.\n\n"
        "Every exception the SDK raises for a call is an :class:`IqtechError`; ``str(error)`` is one\n"
        "line a person can act on. Every error carries ``code`` (a stable string, the same in every\n"
        "language binding), ``operation`` and ``page`` (the page an auto-pager failed on); each class\n"
        "adds the fields listed in its ``fields``, named as in ``iqtech::ErrorDetails``: ``detail`` is\n"
        "the server's message (or what is wrong), ``reason`` the cause of an unknown outcome,\n"
        "``field_errors`` a list of ``{\"field\": ..., \"messages\": [...]}``, and ``retry_after`` and\n"
        "``timeout`` are seconds. Fields that an error does not carry are ``None`` (``[]`` for\n"
        "``field_errors``).\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "import builtins\n"
        "from typing import Any, ClassVar, Dict, List, Optional, Tuple, TypedDict\n\n"
        "__all__ = [\n"
        + "".join(f'    "{n}",\n' for n in ["FieldError"] + names)
        + "]\n\n\n"
        "class FieldError(TypedDict):\n"
        '    """One field\'s messages from a validation answer (ProblemDetails ``errors``)."""\n\n'
        "    field: str\n"
        "    messages: List[str]\n\n\n"
    ]
    for c in classes:
        bases = [c["parent"] or "Exception"]
        if c["name"] in BUILTIN_BASES:
            bases.append(BUILTIN_BASES[c["name"]])
        out.append(f"class {c['name']}({', '.join(bases)}):\n")
        out.append(doc(c["doc"], "    "))
        out.append(f'\n    code: ClassVar[str] = "{c["code"]}"\n')
        own = ["operation", "page", "request_id", "server_request_id"] if c["parent"] is None else []
        listed = c["fields"]
        tuple_text = ", ".join(f'"{f}"' for f in listed) + ("," if len(listed) == 1 else "")
        out.append(f"    fields: ClassVar[Tuple[str, ...]] = ({tuple_text})\n")
        parent_fields = next((p["fields"] for p in classes if p["name"] == c["parent"]), [])
        for name in own + [f for f in listed if f not in parent_fields]:
            rust, text = fields[name]
            ty = py_type(rust, "Optional[{}]").replace("builtins.list", "List")
            out.append(f"    {name}: {ty}\n")
            out.append(doc(text, "    "))
        if c["parent"] is None:
            out.append(
                "\n    def __init__(self, message: str, /, **details: Any) -> None:\n"
                "        super().__init__(message)\n"
                '        self.operation = details.pop("operation", None)\n'
                '        self.page = details.pop("page", None)\n'
                '        self.request_id = details.pop("request_id", None)\n'
                '        self.server_request_id = details.pop("server_request_id", None)\n'
                "        for name in type(self).fields:\n"
                '            setattr(self, name, details.pop(name, [] if name == "field_errors" else None))\n'
                "        if details:\n"
                '            unknown = ", ".join(sorted(details))\n'
                '            raise TypeError(f"{type(self).__name__} has no field {unknown}")\n\n'
                "    def __reduce__(self) -> Tuple[Any, ...]:\n"
                "        # The fields are not in ``args``: pickle them explicitly (multiprocessing).\n"
                "        return (_rebuild, (type(self), str(self), dict(self.__dict__)))\n"
            )
        out.append("\n\n")
    out.append(
        'def _rebuild(cls: "type[IqtechError]", text: str, state: Dict[str, Any]) -> IqtechError:\n'
        "    error = cls.__new__(cls, text)\n"
        "    BaseException.__init__(error, text)  # sets args; OSError's __new__ leaves them to __init__\n"
        "    error.__dict__.update(state)\n"
        "    return error\n"
    )
    return "".join(out)


# --- types.py -------------------------------------------------------------------------------

INPUT_TYPES = {
    "String": "str",
    "bool": "bool",
    "u16": "int",
    "u32": "int",
    "u64": "int",
    "i64": "int",
    "f64": "float",
    "NaiveDate": "date",
    "DateTime<Utc>": "datetime",
    "Language": "Union[Language, str, int]",
    "AssigneeType": "Union[AssigneeType, str]",
    "ReservationType": "Union[ReservationType, str]",
    "SendCode": "Union[SendCode, str]",
    "Headers": "Dict[str, str]",
    "BodyFault": 'Literal["truncated", "malformed", "failed_envelope"]',
}


def input_type(rust: str) -> str:
    rust = rust.strip().replace(" ", "")
    m = re.fullmatch(r"Option<(.+)>", rust)
    if m:
        return f"Optional[{input_type(m.group(1))}]"
    m = re.fullmatch(r"Vec<(.+)>", rust)
    if m:
        return f"List[{input_type(m.group(1))}]"
    m = re.fullmatch(r"(?:Hash|BTree)Map<String,(.+)>", rust)
    if m:
        return f"Dict[str, {input_type(m.group(1))}]"
    return INPUT_TYPES.get(rust, rust)


def typed_dict(name: str, docs: list[str], fields: list[tuple[str, str, list[str]]], all_optional: bool) -> str:
    required = [] if all_optional else [f for f in fields if not f[1].startswith("Option<")]
    optional = [f for f in fields if f not in required]
    out = []
    if required:
        out.append(f"class _{name}Required(TypedDict):\n")
        for fname, rust, fdoc in required:
            out.append(f"    {fname}: {input_type(rust)}\n")
            if fdoc:
                out.append(doc(" ".join(fdoc), "    "))
        out.append("\n\n")
    base = f"_{name}Required" if required else "TypedDict"
    out.append(f"class {name}({base}, total=False):\n")
    out.append(doc(" ".join(docs) or name, "    "))
    for fname, rust, fdoc in optional:
        out.append(f"    {fname}: {input_type(rust)}\n")
        if fdoc:
            out.append(doc(" ".join(fdoc), "    "))
    out.append("\n\n")
    return "".join(out)


def render_types(surface: dict[str, Any]) -> str:
    wanted: list[str] = []
    for op in surface["operations"]:
        for arg in op["args"]:
            if arg["record"] and arg["type"] not in wanted:
                wanted.append(arg["type"])
    found = {}
    for path in sorted((CORE / "models").glob("*.rs")):
        for name, docs, fields in structs(path.read_text(), None):
            found[name] = (docs, fields)
    # Records nested in records (Reservation's assignees) come first.
    for name in list(wanted):
        for _, rust, _ in found[name][1]:
            inner = re.sub(r"^(Option|Vec)<(.+)>$", r"\2", rust.replace(" ", ""))
            if inner in found and inner not in wanted:
                wanted.insert(0, inner)
    ordered = sorted(wanted, key=lambda n: any(n in r for _, r, _ in found[n][1]))
    sandbox = {s[0]: s for s in structs((ROOT / "sandbox" / "src" / "faults.rs").read_text(), None)}
    fault = sandbox["FaultSpec"]
    body = "".join(typed_dict(n, *found[n], all_optional=False) for n in ordered)
    for _, rust, _ in fault[2]:
        inner = re.sub(r"^Option<(.+)>$", r"\1", rust.replace(" ", ""))
        if inner in sandbox:
            body += typed_dict(inner, *sandbox[inner][1:], all_optional=True)
    body += typed_dict("FaultSpec", ["A sandbox fault rule (see :meth:`iqtech.testing.Sandbox.inject`); every key is optional."], fault[2], all_optional=True)
    names = ordered + ["FaultSpec"]
    return (
        '"""The shapes of the SDK\'s record inputs, as ``TypedDict`` classes for type checkers.\n\n'
        "Written by ``scripts/gen_stubs.py`` from the core's input models; do not edit.\n\n"
        "Every method that takes a record accepts it as keyword arguments or as one positional ``dict`` of\n"
        "this shape (``client.employees.create(**person)`` and ``client.employees.create(person)`` are the\n"
        "same). Keys are snake_case; a misspelt or missing key raises :class:`iqtech.ValidationError`\n"
        "naming it, before anything is sent. Dates are ``datetime.date``; ``suspend_until`` is an aware\n"
        "``datetime.datetime``; enum-valued keys take the enum member or its text.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "from datetime import date, datetime\n"
        "from typing import Any, Dict, List, Literal, Optional, TypedDict, Union\n\n"
        "from ._enums import AssigneeType, Language, ReservationType, SendCode\n\n"
        "__all__ = [\n" + "".join(f'    "{n}",\n' for n in names) + "]\n\n\n" + body.rstrip() + "\n"
    )


# --- main -----------------------------------------------------------------------------------


def surface_json() -> dict[str, Any]:
    if "--surface" in sys.argv:
        return json.loads(Path(sys.argv[sys.argv.index("--surface") + 1]).read_text())
    out = subprocess.run(
        ["cargo", "run", "-q", "-p", "iqtech", "--example", "surface"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def replace_section(text: str, name: str, body: str) -> str:
    begin, end = f"# --- {name} (generated) ---", f"# --- end of {name} ---"
    start, stop = text.index(begin), text.index(end) + len(end)
    note = "# Written by scripts/gen_stubs.py from the core's tables and models; do not edit.\n"
    return text[:start] + begin + "\n" + note + body + "\n" + end + text[stop:]


def upper_snake(variant: str) -> str:
    """`DropOff` -> `DROP_OFF`, `Sms` -> `SMS`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", variant).upper()


def render_enums(surface: dict[str, Any]) -> str:
    names = [e["name"] for e in surface["enums"]]
    out = [
        '"""``str``-valued enums of the API\'s closed-but-growing value sets (generated by\n'
        "bindings-python/scripts/gen_stubs.py from ``iqtech::ENUMS``; do not edit).\n\n"
        "Members compare equal to their text (``Language.ENGLISH == \"English\"``) and are accepted wherever\n"
        "the text is. Values the SDK does not know yet are never an error: model attributes then hold the\n"
        'plain ``str`` the server sent, so type them as ``Language | str``.\n"""\n\n'
        "from __future__ import annotations\n\nfrom enum import Enum\n\n"
        "__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]\n\n\n"
        "class _StrEnum(str, Enum):\n"
        "    def __str__(self) -> str:\n        return str(self.value)\n\n"
        "    def __format__(self, spec: str) -> str:\n        return format(str(self.value), spec)\n"
    ]
    for e in surface["enums"]:
        members = "".join(f'    {upper_snake(v["variant"])} = "{v["text"]}"\n' for v in e["values"])
        out.append(f'\n\nclass {e["name"]}(_StrEnum):\n{doc(e["doc"], "    ")}\n{members}')
    return "".join(out)


def main() -> int:
    surface = surface_json()
    stub = STUB.read_text()
    new_stub = replace_section(stub, "clients and groups", render_clients(surface))
    new_stub = replace_section(new_stub, "sandbox clients", sandbox_clients(surface))
    new_stub = replace_section(new_stub, "sandbox settings", sandbox_settings())
    new_stub = replace_section(new_stub, "models", render_models())
    names = ["__version__"] + re.findall(r"^(?:class|def) (\w+)", new_stub, flags=re.M)
    new_stub = replace_section(new_stub, "__all__", "__all__ = [\n" + "".join(f'    "{n}",\n' for n in names) + "]")
    outputs = {
        STUB: new_stub,
        ERRORS: render_errors(surface),
        TYPES: render_types(surface),
        ENUMS: render_enums(surface),
    }
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text() != text]
    if "--check" in sys.argv:
        for p in stale:
            print(f"{p} is stale: run {Path(__file__).name}", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(outputs[p])
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
