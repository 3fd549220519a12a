"""Write a deliberately wrong copy of the spec, to prove that the contract checks catch a
server that does not do what the spec says (contract/run.sh, self-test).

    python3 mutate.py openapi.yaml mutated.yaml   # prints the operation ids it mutated

Two mutations, chosen from the spec itself so that they survive its changes:

- undeclared field: the first bearer-secured GET without parameters whose 200 response is a
  component object with two or more required properties loses one of them (from `properties`
  and `required`); the server still sends it, which the closed response schemas of hooks.py
  must report (`response_schema_conformance`);
- undeclared status: the first bearer-secured POST without a request body that answers 204
  loses its 204; the server still answers 204 (`status_code_conformance`).
"""

import json
import sys

import yaml


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def bearer(spec, op):
    schemes = spec.get("components", {}).get("securitySchemes", {})
    return any(
        schemes.get(name, {}).get("scheme", "").lower() == "bearer"
        for requirement in op.get("security", spec.get("security", []))
        for name in requirement
    )


def operations(spec):
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                yield path, method, op


def main(source, target):
    spec = yaml.safe_load(open(source))
    mutated = []
    for _, method, op in operations(spec):
        ok = resolve(spec, op.get("responses", {}).get("200", {}))
        ref = ok.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
        if method == "get" and bearer(spec, op) and not op.get("parameters") and ref:
            schema = resolve(spec, {"$ref": ref})
            if len(schema.get("required", [])) >= 2:
                field = schema["required"].pop()
                schema["properties"].pop(field)
                mutated.append(op["operationId"])
                print(f"{op['operationId']}: {ref.split('/')[-1]}.{field} removed from the spec", file=sys.stderr)
                break
    for _, method, op in operations(spec):
        if method == "post" and bearer(spec, op) and "requestBody" not in op and "204" in op["responses"]:
            del op["responses"]["204"]
            mutated.append(op["operationId"])
            print(f"{op['operationId']}: response 204 removed from the spec", file=sys.stderr)
            break
    if len(mutated) != 2:
        sys.exit(f"mutate.py: found {len(mutated)} of the 2 operations to mutate")
    yaml.safe_dump(spec, open(target, "w"), sort_keys=False, allow_unicode=True)
    print(json.dumps(mutated))


if __name__ == "__main__":
    main(*sys.argv[1:])
