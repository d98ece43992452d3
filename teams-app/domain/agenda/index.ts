export * from './agenda-schema';
export * from './agenda-input';
export * from './agenda-compiler';
export * from './agenda-edit';
export * from './agenda-pointer';
export * from './item-titles';
export * from './action-follow-up';
export * from './event-overlaps';
