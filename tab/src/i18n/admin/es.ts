import type { AdminMessages } from './en';
import { adminEn } from './en';

export const adminEs: AdminMessages = adminEn;
