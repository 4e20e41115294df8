// Parses Mermaid diagrams with mermaid's own parser, in node (no browser): reads a JSON array of
// diagram texts on stdin, prints a JSON array of { type, vertices, edges, subgraphs } or { error }.
// mermaid sanitizes labels with DOMPurify, which needs a DOM; without one its hooks are missing,
// so they are replaced by no-ops that keep the label text (parsing is untouched).
import DOMPurify from 'dompurify';

Object.assign(DOMPurify, { addHook() {}, removeHook() {}, removeHooks() {}, sanitize: (s) => s });
const { default: mermaid } = await import('mermaid');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const text of JSON.parse(input)) {
  try {
    const { diagramType } = await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    out.push({
      type: diagramType,
      vertices: [...db.getVertices().values()].map((v) => ({ id: v.id, text: v.text, shape: v.type })),
      edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, text: e.text, stroke: e.stroke })),
      subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: s.title, nodes: s.nodes })),
    });
  } catch (e) {
    out.push({ error: String(e.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(out));
