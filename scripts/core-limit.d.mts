export function parseCpuList(text: string): number[];
export function cpuList(allowed: number[], count: number): string;
export function limitProblem(count: number, machine: { platform: string; hasTaskset: boolean; allowed: number[] }): string;
export function allowedCores(): number[];
export function coreLimitProblem(count: number): string;
export function tasksetPrefix(count: number): string[];
