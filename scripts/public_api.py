#!/usr/bin/env python3
"""The core crate's public surface, one item a line, from rustdoc's JSON output.

Usage: public_api.py RUSTDOC_JSON            prints the list
       public_api.py RUSTDOC_JSON --check F  compares it with the committed list F

Lines are `kind path` (kinds: mod, fn, struct, enum, trait, const, static, type, macro,
field, variant, method), sorted. Trait impls (derives) are left out: they follow the type.
Items marked `#[doc(hidden)]` are not in rustdoc's output, so not in the list.
"""
import json
import sys

KINDS = {
    "module": "mod", "function": "fn", "struct": "struct", "enum": "enum", "trait": "trait",
    "constant": "const", "static": "static", "type_alias": "type", "macro": "macro", "union": "union",
}


def surface(doc):
    index = doc["index"]
    lines = set()
    seen = set()

    def item(id_):
        return index.get(str(id_)) or index.get(id_)

    def visit(id_, path):
        it = item(id_)
        if it is None:
            return
        (kind, inner), = it["inner"].items()
        if kind == "use":
            target = item(inner.get("id")) if inner.get("id") is not None else None
            if inner.get("is_glob"):
                if target is not None and "module" in target["inner"]:
                    for child in target["inner"]["module"]["items"]:
                        visit(child, path)
                return
            name = inner["name"]
            if target is None:
                lines.add(f"use {'::'.join(path + [name])} = {inner['source']}")
                return
            visit_named(inner["id"], target, path + [name])
            return
        if it.get("visibility") != "public" or it.get("name") is None:
            return
        visit_named(id_, it, path + [it["name"]])

    def visit_named(id_, it, path):
        (kind, inner), = it["inner"].items()
        full = "::".join(path)
        key = (str(id_), full)
        if key in seen:
            return
        seen.add(key)
        lines.add(f"{KINDS.get(kind, kind)} {full}")
        if kind == "module":
            for child in inner["items"]:
                visit(child, path)
        elif kind == "struct":
            fields = inner["kind"].get("plain", {}).get("fields", []) if isinstance(inner["kind"], dict) else []
            for f in fields:
                field = item(f)
                if field and field.get("visibility") == "public":
                    lines.add(f"field {full}::{field['name']}")
            methods(inner.get("impls", []), full)
        elif kind == "enum":
            for v in inner["variants"]:
                lines.add(f"variant {full}::{item(v)['name']}")
            methods(inner.get("impls", []), full)

    def methods(impls, full):
        for impl_id in impls:
            impl = item(impl_id)
            if impl is None:
                continue
            imp = impl["inner"]["impl"]
            if imp.get("trait") is not None or imp.get("blanket_impl") is not None or imp.get("is_synthetic"):
                continue
            for m in imp["items"]:
                mi = item(m)
                if mi and mi.get("visibility") == "public":
                    (kind, _), = mi["inner"].items()
                    lines.add(f"{'method' if kind == 'function' else KINDS.get(kind, kind)} {full}::{mi['name']}")

    root = item(doc["root"])
    for child in root["inner"]["module"]["items"]:
        visit(child, [root["name"]])
    return sorted(lines)


def main():
    with open(sys.argv[1]) as f:
        lines = surface(json.load(f))
    if len(sys.argv) == 4 and sys.argv[2] == "--check":
        with open(sys.argv[3]) as f:
            committed = [l for l in f.read().splitlines() if l and not l.startswith("#")]
        added = sorted(set(lines) - set(committed))
        removed = sorted(set(committed) - set(lines))
        if added or removed:
            for l in added:
                print(f"+ {l}")
            for l in removed:
                print(f"- {l}")
            print(f"\nThe public API of transform-model differs from {sys.argv[3]} "
                  f"({len(added)} added, {len(removed)} removed). If the change is deliberate, "
                  f"update the list: scripts/public-api.sh --write", file=sys.stderr)
            sys.exit(1)
        print(f"public API: {len(lines)} items, as in {sys.argv[3]}")
        return
    print("\n".join(lines))


if __name__ == "__main__":
    main()
