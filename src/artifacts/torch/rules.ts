/** Rules about PyTorch's own layouts inside zip and tar containers. */
import { defineRule } from '../../core/findings.js';

export const TORCH_NO_DATA_PKL = defineRule({
  id: 'torch/no-data-pkl',
  title: 'Torch-named zip without data.pkl',
  severity: 'low',
  description:
    'The file is named like a torch checkpoint (.pt, .pth, .bin, .ckpt) but the zip has no `<prefix>/data.pkl`, so torch.load will refuse it. Find out what the file really is before loading it with another tool.',
});

export const TORCH_UNEXPECTED_PICKLE = defineRule({
  id: 'torch/unexpected-pickle',
  title: 'Pickle outside the places torch reads',
  severity: 'medium',
  description:
    'A torch save holds pickles only at `<prefix>/data.pkl` (TorchScript adds constants.pkl, bytecode.pkl and code/*.debug_pkl). A pickle anywhere else, or under a second prefix, is a payload for some other loader; it is scanned like any pickle.',
});

export const TORCH_LEGACY_UNPARSED = defineRule({
  id: 'torch/legacy-unparsed',
  title: 'Legacy torch tar record not fully walked',
  severity: 'medium',
  description:
    'The `storages` or `tensors` member of a legacy torch tar save interleaves pickles with raw data; the walk stopped early, so later pickles in that member were not inspected.',
});

/** Every torch layout rule. */
export const TORCH_RULES = [TORCH_NO_DATA_PKL, TORCH_UNEXPECTED_PICKLE, TORCH_LEGACY_UNPARSED] as const;
