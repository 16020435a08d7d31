#!/usr/bin/env python3
"""Checks that the generated Kotlin and Swift expose every entry of the core's tables.

The tables come from the core itself (`cargo run -q -p iqtech --example surface`, written to a
JSON file by scripts/test.sh), so an operation or error class added to the core fails this
check until the generated bindings expose it. No Rust source is parsed.

For every operation `(group, method, kind, stream)`:
  - the client has the group accessor (`employees()`, `willCall()`, ...);
  - the group's Swift protocol declares `func <camelCase>(` — `async throws` for calls,
    `throws -> <Stream>` for the pager factories (`items`/`pages`, which do no I/O);
  - the group's Kotlin interface declares the same as `suspend fun` / `fun ...: <Stream>`;
  - each pager object has `next()` (items) or `nextPage()` (pages) in both languages.
For every error class of `iqtech::ERROR_CLASSES`: the API family (`ApiError` and its children)
is one case `ApiError` whose `kind` has one entry per class; every other class is its own case
(Swift `case ValidationError(`, Kotlin `class ValidationException(`), and no case is extra.
Usage: check_generated.py <surface.json> <swift sdk file> <swift models file> <kotlin sdk file>
       <kotlin models file>
"""
import json
import re
import sys


def camel(snake: str, upper: bool = False) -> str:
    parts = snake.split("_")
    head = parts[0].capitalize() if upper else parts[0]
    return head + "".join(p.capitalize() for p in parts[1:])


def body(text: str, header: str) -> str:
    """The text of the declaration starting with `header`, up to its closing brace at column 0."""
    start = text.find(header)
    if start < 0:
        return ""
    end = text.find("\n}", start)
    return text[start:end]


def check_operations(surface, swift, kotlin, missing):
    groups = {g["name"]: g["type"] for g in surface["groups"]}
    swift_client = body(swift, "public protocol ClientProtocol")
    kotlin_client = body(kotlin, "public interface ClientInterface")
    for group, cls in groups.items():
        if not re.search(rf"func {camel(group)}\(\)\s*->\s*{cls}\b", swift_client):
            missing.append(f"swift: Client.{camel(group)}()")
        if not re.search(rf"fun `{camel(group)}`\(\): {cls}\b", kotlin_client):
            missing.append(f"kotlin: Client.{camel(group)}()")
    for op in surface["operations"]:
        cls, name, stream = groups[op["group"]], camel(op["method"]), op["stream"]
        swift_proto = body(swift, f"public protocol {cls}Protocol")
        kotlin_iface = body(kotlin, f"public interface {cls}Interface")
        if op["kind"] == "call":
            swift_re = rf"func {name}\([^)]*\)\s*async throws\s*(->|$)"
            kotlin_re = rf"(^|\s)suspend fun `{name}`\("
        else:
            swift_re = rf"func {name}\([^)]*\)\s*throws\s*->\s*{stream}\b"
            kotlin_re = rf"(^|\s)fun `{name}`\([^)]*\): {stream}\b"
            step = "next" if op["kind"] == "items" else "nextPage"
            if not re.search(rf"func {step}\(\)\s*async throws", body(swift, f"public protocol {stream}Protocol")):
                missing.append(f"swift: {stream}.{step}()")
            if not re.search(rf"suspend fun `{step}`\(\)", body(kotlin, f"public interface {stream}Interface")):
                missing.append(f"kotlin: {stream}.{step}()")
        if not re.search(swift_re, swift_proto, re.M):
            missing.append(f"swift: {cls}.{name} ({op['kind']})")
        if not re.search(kotlin_re, kotlin_iface, re.M):
            missing.append(f"kotlin: {cls}.{name} ({op['kind']})")
    return len(surface["operations"])


def check_errors(surface, swift, swift_models, kotlin, kotlin_models, missing):
    classes = surface["errors"]
    api = [c for c in classes if c["name"] == "ApiError" or c["parent"] == "ApiError"]
    others = [c for c in classes if c["parent"] and c not in api]
    swift_enum = body(swift, "enum IqtechError:")
    kotlin_class = body(kotlin, "sealed class IqtechException")
    swift_cases = set(re.findall(r"^\s*case (\w+)\(", swift_enum, re.M))
    kotlin_cases = set(re.findall(r"^\s*class (\w+)Exception\(", kotlin_class, re.M))
    expected = {"ApiError"} | {c["name"] for c in others}
    if swift_cases != expected:
        missing.append(f"swift: IqtechError cases {sorted(swift_cases)} != {sorted(expected)}")
    kotlin_expected = {n[: -len("Error")] for n in expected}
    if kotlin_cases != kotlin_expected:
        missing.append(f"kotlin: IqtechException classes {sorted(kotlin_cases)} != {sorted(kotlin_expected)}")
    # One kind per API class: the enum's cases, in each language's case.
    swift_kinds = set(re.findall(r"^\s*case (\w+)\s*$", body(swift_models, "public enum ApiErrorKind"), re.M))
    kotlin_kinds = set(re.findall(r"^\s*([A-Z_]+)[,;]?\s*$", body(kotlin_models, "enum class ApiErrorKind"), re.M))
    if len(swift_kinds) != len(api) or len(kotlin_kinds) != len(api):
        missing.append(f"ApiErrorKind: swift {sorted(swift_kinds)}, kotlin {sorted(kotlin_kinds)} for {len(api)} API classes")
    return len(classes)


def main() -> int:
    surface_path, swift_path, swift_models_path, kotlin_path, kotlin_models_path = sys.argv[1:6]
    surface = json.load(open(surface_path, encoding="utf-8"))
    read = lambda p: open(p, encoding="utf-8").read()
    swift, kotlin = read(swift_path), read(kotlin_path)
    missing: list[str] = []
    n_ops = check_operations(surface, swift, kotlin, missing)
    n_err = check_errors(surface, swift, read(swift_models_path), kotlin, read(kotlin_models_path), missing)
    if n_ops < 20 or n_err < 10:
        missing.append(f"the surface lists only {n_ops} operations and {n_err} error classes")
    if missing:
        print("MISSING from the generated bindings:\n  " + "\n  ".join(missing))
        return 1
    print(f"generated Swift and Kotlin expose all {n_ops} operations and {n_err} error classes of the core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
