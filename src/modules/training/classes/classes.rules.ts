import { isWithin } from '../../../platform/scope.ts';

/** A provider's course is a built-in rule or a custom course of an organisation on its branch. */
export function courseUsableBy(ownerPath: string | null, providerPath: string) {
  return ownerPath === null || isWithin(providerPath, ownerPath) || isWithin(ownerPath, providerPath);
}

const transitions: Record<string, string[]> = {
  planned: ['open', 'cancelled'],
  open: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
};

/** The class lifecycle: planned → open → in progress → completed, cancellable until completed. */
export function canMoveClass(from: string, to: string): boolean {
  return transitions[from]?.includes(to) ?? false;
}
