/**
 * The baseline `npm run bench` compares our synth with: a minimal cdktf app
 * of plain AWS resources (4 environments x a network and a roles stack, 288
 * resources), run as a cdktf TypeScript app usually is (`tsx main.ts`, see
 * cdktf.json). Provider bindings are imported per resource, as ours are.
 */
import { App } from "cdktf";
import { NetworkStack } from "./network-stack";
import { RolesStack } from "./roles-stack";

const ENVIRONMENTS = [
  { name: "dev", region: "us-east-1", cidrPrefix: "10.100" },
  { name: "test", region: "us-west-2", cidrPrefix: "10.101" },
  { name: "staging", region: "eu-west-1", cidrPrefix: "10.102" },
  { name: "prod", region: "eu-central-1", cidrPrefix: "10.103" },
];

const app = new App();
for (const env of ENVIRONMENTS) {
  new NetworkStack(app, `${env.name}-network`, env.region, env.cidrPrefix);
  new RolesStack(app, `${env.name}-roles`, env.region);
}
app.synth();
