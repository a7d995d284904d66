// CloudFormation YAML: intrinsic functions in their short tag form (!Ref, !Sub, !GetAtt, ...).
// Writing keeps the tags; reading turns them into the long JSON form ({"Fn::Sub": ...}) so a
// parsed template can be compared as plain data.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, parse, type CollectionTag, type Node, type ScalarTag } from "yaml";

const INTRINSICS = [
  "Ref",
  "Sub",
  "GetAtt",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "Not",
  "And",
  "Or",
  "FindInMap",
  "ImportValue",
  "Base64",
  "Cidr",
  "GetAZs",
  "Condition",
] as const;
export type IntrinsicName = (typeof INTRINSICS)[number];

export class Intrinsic {
  constructor(
    readonly name: IntrinsicName,
    readonly value: unknown,
  ) {}
}

export const ref = (logicalId: string) => new Intrinsic("Ref", logicalId);
export const sub = (text: string) => new Intrinsic("Sub", text);
export const getAtt = (logicalId: string, attribute: string) => new Intrinsic("GetAtt", `${logicalId}.${attribute}`);

/** The long form key CloudFormation uses in JSON: Ref and Condition keep their name, the rest are Fn::X. */
const longKey = (name: IntrinsicName): string => (name === "Ref" || name === "Condition" ? name : `Fn::${name}`);

export function stringifyCfn(template: unknown, header = ""): string {
  const doc = new Document();
  doc.contents = toNode(doc, template);
  if (header) doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

function toNode(doc: Document, value: unknown): Node {
  if (value instanceof Intrinsic) {
    const node = toNode(doc, value.value);
    node.tag = `!${value.name}`;
    if (node instanceof YAMLSeq) node.flow = true;
    return node;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map((item) => toNode(doc, item));
    return seq;
  }
  if (typeof value === "object" && value !== null) {
    const map = new YAMLMap();
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) map.items.push(new Pair(new Scalar(key), toNode(doc, item)));
    }
    return map;
  }
  return doc.createNode(value);
}

const readTags = INTRINSICS.flatMap((name): (ScalarTag | CollectionTag)[] => [
  { tag: `!${name}`, resolve: (text: string) => ({ [longKey(name)]: name === "GetAtt" ? text.split(".") : text }) },
  { tag: `!${name}`, collection: "seq", resolve: (seq) => ({ [longKey(name)]: seq.toJSON() as unknown }) },
  { tag: `!${name}`, collection: "map", resolve: (map) => ({ [longKey(name)]: map.toJSON() as unknown }) },
]);

/** Parses CloudFormation YAML; intrinsic tags come back in their long JSON form. */
export function parseCfn(text: string): unknown {
  return parse(text, { customTags: readTags });
}
