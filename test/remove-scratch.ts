import { afterAll } from 'vitest';
import { removeScratch } from './scratch-folders.ts';

// A setup file: Vitest runs it with every test file, so each file's scratch folders go when it ends.
afterAll(removeScratch);
