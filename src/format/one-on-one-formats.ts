// The one-on-one pack's formats (./names.ts has every command's).

export { ONE_ON_ONE_FORMATS } from './names.js';
