// Assemble the component's static build folder from src/ and the cytoscape package (no bundler needed).
// Run with `npm ci && npm run build`; the output in ../build is committed, so neither CI nor users need npm.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "build");
mkdirSync(out, { recursive: true });
for (const name of ["index.html", "main.js", "style.css"]) copyFileSync(join(here, "src", name), join(out, name));
copyFileSync(join(here, "node_modules", "cytoscape", "dist", "cytoscape.min.js"), join(out, "cytoscape.min.js"));
const version = JSON.parse(readFileSync(join(here, "node_modules", "cytoscape", "package.json"), "utf8")).version;
writeFileSync(join(out, "VERSIONS.txt"), `cytoscape ${version} (MIT, from the npm registry)\n`);
