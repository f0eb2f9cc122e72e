/**
 * Issue 14: the class that turns a data table into stacked cards on a phone (global.css). Each
 * cell then shows its column's name from `data-label`.
 */
export const STACK_TABLE = 'csp-stack';
