/** jsdom has no TextEncoder/TextDecoder; the streaming xlsx reader needs them (import this first). */
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
