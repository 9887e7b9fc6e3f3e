/**
 * The library build's entry (`dist/lib/parallel-lab.js`): importing it
 * defines every element, so a course page needs one module script:
 *
 *   <script type="module" src="/lab/parallel-lab.js"></script>
 *   <pl-cpu-demo numbers="1000000" compact></pl-cpu-demo>
 *
 * The workers it starts load from the same folder, so the files must be
 * served from the course site's own origin (browsers start workers only from
 * the page's origin).
 */
export { PlCpuDemo } from './ui/cpu/pl-cpu-demo';
export { PlScalingDemo } from './ui/scaling/pl-scaling-demo';
export { PlDataDemo } from './ui/data/pl-data-demo';
export { PlIoDemo } from './ui/io/pl-io-demo';
export { PlLocksDemo } from './ui/locks/pl-locks-demo';
export { ParallelLab } from './ui/parallel-lab';
export type { FrameMessage, HostMessage } from './core/embed-protocol';
