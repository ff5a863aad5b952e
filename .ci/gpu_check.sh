#!/usr/bin/env bash
# The CUDA code paths, which CI (CPU only) never runs: run this on a machine with a GPU after `pip install -e .`.
#   bash .ci/gpu_check.sh [OUT]      (about 5 minutes on one H100; writes OUT/gpu_check.json and OUT/bench.json)
# 1. `sdc_bench` on the GPU (step / backbone ratios of the cpu preset and of R(2+1)D-18, CUDA memory peaks);
# 2. the default run on the GPU (cpu preset, bf16 autocast), trained and evaluated;
# 3. fp16 autocast with the gradient scaler, stopped after 2 epochs and resumed to 3, then `sdc_eval --amp`
#    (10 clips per video); 4. a compiled run (--compile --channels_last --device_colour, bf16) of 2 epochs whose checkpoint must
#    load into a model that is not compiled; 5. the assertions below on what those runs wrote.
# sdc_bench's own GPU figures: cuda.fast_path (the release recipe's step in float32, bf16 + channels_last_3d,
# compiled, after its bf16 parity check) and projected.* (hours for 200 UCF-101 / 100 Kinetics-400 epochs).
# DDP with NCCL needs two GPUs (NCCL refuses two ranks on one device): on a multi-GPU machine also run
#   torchrun --nproc_per_node 2 $(which sdc_pretrain) --out runs/gpu_ddp --epochs 2   (see the train notebook)
set -euo pipefail
out=${1:-gpu_check}; mkdir -p "$out"
python3 -c "import torch; assert torch.cuda.is_available(), 'no CUDA device'; print(torch.__version__, torch.cuda.get_device_name())"
sdc_synthetic --workers 8                                   # data/synthetic (reused when present)
sdc_bench --out runs/gpu_bench
cp runs/gpu_bench/bench.json "$out/bench.json"
sdc_pretrain --out runs/gpu_default --workers 6 --overwrite --no-progress
sdc_pretrain --out runs/gpu_fp16 --amp fp16 --epochs 2 --workers 4 --overwrite --no-eval --no-progress
sdc_pretrain --out runs/gpu_fp16 --amp fp16 --epochs 3 --workers 4 --resume --no-eval --no-progress
sdc_eval --run runs/gpu_fp16 --device cuda --amp --workers 6
sdc_pretrain --out runs/gpu_compile --compile --channels_last --device_colour --epochs 2 --workers 6 --overwrite --no-eval --no-progress
python3 - "$out" <<'EOF'
import json, math, sys, torch
from pathlib import Path
out, res = Path(sys.argv[1]), {}
for name in ('gpu_default', 'gpu_fp16'):
    run = Path('runs') / name
    steps = [json.loads(l) for l in (run / 'metrics.jsonl').read_text().splitlines()]
    steps = [r for r in steps if r.get('kind') == 'step']
    assert steps and all(math.isfinite(r['loss']) for r in steps), f'{name}: non-finite or missing losses'
    ck = torch.load(run / 'checkpoint-last.pt', map_location='cpu', weights_only=False)
    assert all(torch.isfinite(v).all() for v in ck['model'].values() if v.is_floating_point()), f'{name}: non-finite weights'
    rep = json.loads((run / 'report.json').read_text())
    res[name] = dict(epoch=ck['epoch'], steps=len(steps), last=steps[-1], scaler=ck.get('scaler'),
                     report={k: rep[k] for k in ('linear_probe', 'retrieval', 'decoupling', 'baseline') if k in rep})
assert res['gpu_fp16']['epoch'] == 3, res['gpu_fp16']['epoch']
from sdconcepts.train.runs import load_run_config, build_model
run = Path('runs/gpu_compile')
steps = [json.loads(l) for l in (run / 'metrics.jsonl').read_text().splitlines()]
assert steps and all(math.isfinite(r['loss']) for r in steps if r.get('kind') == 'step'), 'compiled run: non-finite losses'
ck = torch.load(run / 'checkpoint-last.pt', map_location='cpu', weights_only=False)
build_model(load_run_config(run)[0]).load_state_dict(ck['model'])   # strict: no '_orig_mod.' prefixes
res['gpu_compile'] = dict(epoch=ck['epoch'], steps=sum(r.get('kind') == 'step' for r in steps))
assert res['gpu_compile']['epoch'] == 2, res['gpu_compile']['epoch']
assert res['gpu_fp16']['scaler'] and res['gpu_fp16']['scaler'].get('scale', 0) > 0, 'fp16 run saved no gradient-scaler state'
(out / 'gpu_check.json').write_text(json.dumps(res, indent=1, default=str))
print(json.dumps({k: dict(epoch=v['epoch'], steps=v['steps']) for k, v in res.items()}))
print('gpu check passed')
EOF
