/**
 * Puts formatted HTML (with a plain-text alternative) on the clipboard. The asynchronous Clipboard API
 * first; where a host denies it (older Office webviews, an unfocused page), a copy command whose copy
 * event supplies both formats.
 */
export async function copyHtml(html: string, text: string): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.clipboard?.write && typeof ClipboardItem !== 'undefined') {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return;
    } catch {
      // Denied: fall back to the copy command below.
    }
  }
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/html', html);
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) throw new Error('剪贴板不可用');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
