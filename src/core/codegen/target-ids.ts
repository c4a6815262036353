/**
 * The Code panel's tab ids, without the generators: stored preferences are read at start-up, and
 * this keeps every snippet generator out of the initial bundle (targets.ts checks it lists the same).
 */
export const TARGET_IDS = [
	'curl',
	'typescript',
	'typescript-openai',
	'typescript-openrouter',
	'python',
	'python-openai',
] as const;

export type TargetId = (typeof TARGET_IDS)[number];

export function isTargetId(value: unknown): value is TargetId {
	return (TARGET_IDS as readonly unknown[]).includes(value);
}
