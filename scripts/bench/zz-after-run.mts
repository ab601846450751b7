import { bundleLines, lambdaBundles } from '/work/wt-lambdas/scripts/bench/bundles';
const f = await lambdaBundles({ runs: Number(process.env.RUNS ?? 5) });
for (const l of bundleLines(f, false)) console.log(l);
