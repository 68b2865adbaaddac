/*
 * The first script of taskpane.html, inlined into <head> by webpack.config.js. Hand-written in ES5 on
 * purpose: it must run in every webview Office may open the pane in, including Internet Explorer 11
 * (Office 2013/2016/2019 volume-licensed) and EdgeHTML (Office 2016/2019 retail without WebView2),
 * where our React 18 + Fluent UI v9 bundles cannot run. test/build/boot.test.ts parses it with acorn at
 * ecmaVersion 5 and runs it; test/e2e/oldHosts.test.ts loads the page with IE11 and EdgeHTML user agents.
 *
 * It decides three things before any other script runs:
 * 1. Hosted by Office or a plain browser page? Only Office gets office.js: outside Office, office.js
 *    asks Microsoft's telemetry service for a page (a request off our origin). The checks mirror how
 *    office.js itself finds its host (runtime source, @microsoft/office-js 1.1.110): `_host_Info` in
 *    the query, window.external.GetHostInfo (IE-based Office), agaveHost (Mac), window.name
 *    {hostInfo}, or sessionStorage hostInfoValue (a reload of the pane).
 * 2. Can this webview run the pane? Not in IE11 or EdgeHTML (by user agent) and not where the newest
 *    syntax our bundles contain fails to compile: ES2022 class static blocks (Fluent UI's tabster),
 *    class fields, optional chaining, ??, object spread, async arrows (old Safari on a Mac, for one).
 *    test/e2e/oldHosts.test.ts checks that every built bundle parses as ES2022.
 * 3. Does this Excel have the API the pane needs (ExcelApi 1.4)? Checked once office.js is ready.
 * Where any answer is no, the page shows a plain Chinese message with the browser page's address
 * instead of a blank pane, and sets window.jixiaoBoot.blocked, which the bundle (index.tsx) obeys.
 */
(function (window, document) {
  'use strict';

  var MINIMUM_EXCEL_API = '1.4';

  var MESSAGES = {
    webview: '当前 Office 版本无法运行本加载项：它用 Internet Explorer 或旧版 Edge 显示任务窗格。',
    api: '当前 Excel 版本过旧，无法运行本加载项（需要 ExcelApi ' + MINIMUM_EXCEL_API + '）。',
    browser: '当前浏览器版本过旧，无法运行本页面。',
  };
  var ADVICE_BEFORE = '请在新版 Chrome、Edge 等浏览器中打开 ';
  var ADVICE_AFTER = '，在浏览器中处理 .xlsx 文件；或升级到 Office 2021 或更高版本。';
  var ENGLISH =
    'This version of Office or of the browser cannot run the add-in. Open the address above in a current ' +
    'browser (Chrome, Edge) to work on .xlsx files there, or upgrade to Office 2021 or later.';

  var boot = { hosted: false, blocked: null, address: pageAddress() };
  window.jixiaoBoot = boot;

  function pageAddress() {
    var location = window.location;
    return location.protocol + '//' + location.host + location.pathname;
  }

  function hostInfoInQuery(search) {
    return /[?&]_host_Info=/.test(search || '');
  }

  function hostInfoInWindowName() {
    try {
      var parsed = JSON.parse(window.name);
      return !!(parsed && parsed.hostInfo);
    } catch (e) {
      return false;
    }
  }

  function hostInfoInSession() {
    try {
      return !!(window.sessionStorage && window.sessionStorage.getItem('hostInfoValue'));
    } catch (e) {
      return false;
    }
  }

  function hostInfoFromExternal() {
    try {
      if (typeof window.agaveHost !== 'undefined' && window.agaveHost.GetHostInfo) return true;
      // IE reports host-provided methods as typeof "unknown": call it, as office.js does.
      return !!(window.external && window.external.GetHostInfo());
    } catch (e) {
      return false;
    }
  }

  function isHostedByOffice() {
    return (
      hostInfoInQuery(window.location.search) || hostInfoFromExternal() || hostInfoInWindowName() || hostInfoInSession()
    );
  }

  function isOldWebview(userAgent) {
    return /Trident\/|MSIE /.test(userAgent) || /\bEdge\/\d/.test(userAgent);
  }

  function compilesModernSyntax() {
    try {
      new Function(
        'class A { static { this.s = 1; } f = 2; } var c = { ...{ a: A.s } }; return async () => c?.a ?? 0;'
      );
      return true;
    } catch (e) {
      return false;
    }
  }

  function whenParsed(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }

  function showMessage(reason) {
    var box = document.getElementById('unsupported-office');
    if (!box) return;
    while (box.firstChild) box.removeChild(box.firstChild);
    var first = document.createElement('p');
    first.appendChild(document.createTextNode(MESSAGES[reason]));
    var advice = document.createElement('p');
    advice.appendChild(document.createTextNode(ADVICE_BEFORE));
    var address = document.createElement('strong');
    address.className = 'page-address';
    address.appendChild(document.createTextNode(boot.address));
    advice.appendChild(address);
    advice.appendChild(document.createTextNode(ADVICE_AFTER));
    var english = document.createElement('p');
    english.setAttribute('lang', 'en');
    english.appendChild(document.createTextNode(ENGLISH));
    box.appendChild(first);
    box.appendChild(advice);
    box.appendChild(english);
  }

  function block(reason) {
    if (boot.blocked) return;
    boot.blocked = reason;
    document.documentElement.className += ' unsupported-office';
    whenParsed(function () {
      showMessage(reason);
    });
  }

  /** Called by the inline script written after office.js: once Office is ready, is the API there? */
  boot.checkApi = function () {
    if (typeof Office === 'undefined' || !Office.onReady) return;
    Office.onReady(function () {
      var requirements = Office.context && Office.context.requirements;
      if (!requirements || !requirements.isSetSupported('ExcelApi', MINIMUM_EXCEL_API)) block('api');
    });
  };

  boot.hosted = isHostedByOffice();
  if (isOldWebview(window.navigator.userAgent || '') || !compilesModernSyntax()) {
    block(boot.hosted ? 'webview' : 'browser');
    return;
  }
  var self = document.getElementById('jixiao-boot');
  var officeJs = self ? self.getAttribute('data-office-js') : null;
  if (boot.hosted && officeJs) {
    // Parser-inserted, so office.js runs before the deferred module bundles, as a <script> in <head> would.
    document.write('<script src="' + officeJs.replace(/"/g, '&quot;') + '"><\/script>');
    document.write('<script>window.jixiaoBoot.checkApi();<\/script>');
  }
})(window, document);
