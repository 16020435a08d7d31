#!/usr/bin/env python3
"""Checks that the generated Kotlin and Swift expose every operation of the core.

The list is `iqtech::operations::PUBLIC_METHODS` (core/src/operations.rs), read from the source
so that a method added to the core fails this check until the binding exposes it. For each
`(group, method)`:
  - the client has the group accessor (`employees()`, `willCall()`, ...);
  - the group's Swift protocol declares `func <camelCase>(` — `async throws` for operations,
    `throws` for the pager factories (`iter...`, which do no I/O);
  - the group's Kotlin interface declares the same as `suspend fun` / `fun`.
Usage: check_generated.py <core/src/operations.rs> <swift file> <kotlin file>
"""
import re
import sys


def camel(snake: str, upper: bool = False) -> str:
    parts = snake.split("_")
    head = parts[0].capitalize() if upper else parts[0]
    return head + "".join(p.capitalize() for p in parts[1:])


def public_methods(operations_rs: str) -> list[tuple[str, str]]:
    text = open(operations_rs, encoding="utf-8").read()
    block = re.search(r"PUBLIC_METHODS: &\[\(&str, &str\)\] = &\[(.*?)\];", text, re.S)
    if not block:
        sys.exit("PUBLIC_METHODS not found in " + operations_rs)
    pairs = re.findall(r'\("(\w+)",\s*"(\w+)"\)', block.group(1))
    if len(pairs) < 20:
        sys.exit(f"only {len(pairs)} entries read from PUBLIC_METHODS")
    return pairs


def body(text: str, header: str) -> str:
    """The text of the declaration starting with `header`, up to its closing brace at column 0."""
    start = text.find(header)
    if start < 0:
        return ""
    end = text.find("\n}", start)
    return text[start:end]


def main() -> int:
    operations_rs, swift_path, kotlin_path = sys.argv[1:4]
    methods = public_methods(operations_rs)
    swift = open(swift_path, encoding="utf-8").read()
    kotlin = open(kotlin_path, encoding="utf-8").read()
    missing = []
    swift_client = body(swift, "public protocol ClientProtocol")
    kotlin_client = body(kotlin, "public interface ClientInterface")
    for group, method in methods:
        cls, name = camel(group, upper=True), camel(method)
        is_pager = method.startswith("iter")
        if not re.search(rf"func {camel(group)}\(\)\s*->\s*{cls}\b", swift_client):
            missing.append(f"swift: Client.{camel(group)}()")
        if not re.search(rf"fun `{camel(group)}`\(\): {cls}\b", kotlin_client):
            missing.append(f"kotlin: Client.{camel(group)}()")
        swift_proto = body(swift, f"public protocol {cls}Protocol")
        effects = r"throws" if is_pager else r"async throws"
        if not re.search(rf"func {name}\([^)]*\)\s*{effects}\s*(->|$)", swift_proto, re.M):
            missing.append(f"swift: {cls}.{name} ({effects})")
        kotlin_iface = body(kotlin, f"public interface {cls}Interface")
        prefix = "fun" if is_pager else "suspend fun"
        if not re.search(rf"(^|\s){prefix} `{name}`\(", kotlin_iface, re.M):
            missing.append(f"kotlin: {cls}.{name} ({prefix})")
    if missing:
        print("MISSING from the generated bindings:\n  " + "\n  ".join(missing))
        return 1
    print(f"generated Swift and Kotlin expose all {len(methods)} public methods of the core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
