// The designer's browser side: load the diagram library's script on demand (only the designer needs it), Ctrl+S
// anywhere on the page (the browser would otherwise open "save page"), and file downloads for export.
function loadScript(src) {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
    });
}

export async function init() {
    if (!window.ZBlazorDiagrams) await loadScript('_content/Z.Blazor.Diagrams/script.min.js');
    if (!window.bishanDesignerKeys) {
        window.bishanDesignerKeys = true;
        document.addEventListener('keydown', e => {
            if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
                const save = document.querySelector('[data-testid=designer-save]');
                if (save) {
                    e.preventDefault();
                    if (!save.disabled) save.click();
                }
            }
        });
        // Firefox starts an HTML drag only when data is set; the server keeps which palette item it is.
        document.addEventListener('dragstart', e => {
            const type = e.target?.closest?.('[data-activity-type]')?.getAttribute('data-activity-type');
            if (type) e.dataTransfer.setData('text/plain', type);
        });
    }
}

export function download(fileName, text) {
    const blob = new Blob([text], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
