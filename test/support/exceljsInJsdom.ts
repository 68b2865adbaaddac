/**
 * ExcelJS (the test fixtures' workbook builder) under jsdom: jest resolves its `uuid` dependency to the browser
 * ES module build, which jest cannot load; the CommonJS build is the same code. Import this first in a jsdom test
 * that builds workbooks with test/support/xlsxFixture.
 */
import { join } from 'path';
import './textEncoding';

jest.mock('uuid', () => jest.requireActual(join(__dirname, '..', '..', 'node_modules', 'uuid', 'dist', 'index.js')));
