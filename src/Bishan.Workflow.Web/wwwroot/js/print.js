// The special report's print page: the print button (no inline script under the content security policy).
document.getElementById('print-report')?.addEventListener('click', () => window.print());
