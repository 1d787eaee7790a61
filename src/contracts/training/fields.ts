/** Field schemas the training contracts share. */
import { z } from 'zod';
import { commonIssues } from '../common.ts';

export { id } from '../common.ts';
export const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, commonIssues.code_chars);
export const money = z.number().min(0).max(1e12);
export const hours = z.number().positive().max(1000);
