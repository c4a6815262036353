/**
 * The lab's one chunk entry: its state and its dialog arrive with a single dynamic import, so the
 * first-load bundle carries one list of chunk names for it, not two.
 */
export { Lab } from '../../state/lab.svelte';
export { default as LabDialog } from './LabDialog.svelte';
