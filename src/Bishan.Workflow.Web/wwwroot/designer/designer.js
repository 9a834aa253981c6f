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
        initSplitter();
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

// The side panel's width: the bar beside it is dragged (pointer) or moved with the arrow keys. The width is a CSS
// variable on the page, so it survives the panel's re-rendering, and is remembered in this browser.
const sideWidthKey = 'bishan.designer.sideWidth';
const sideMin = 240;

function sideMax() {
    return Math.max(sideMin, Math.round(window.innerWidth * 0.5));
}

function setSideWidth(width) {
    const clamped = Math.round(Math.min(sideMax(), Math.max(sideMin, width)));
    document.documentElement.style.setProperty('--wf-side-width', clamped + 'px');
    const bar = document.querySelector('.wf-splitter');
    if (bar) {
        bar.setAttribute('aria-valuenow', String(clamped));
        bar.setAttribute('aria-valuemin', String(sideMin));
        bar.setAttribute('aria-valuemax', String(sideMax()));
    }
    try { localStorage.setItem(sideWidthKey, String(clamped)); } catch { /* private mode: not remembered */ }
}

function currentSideWidth() {
    const side = document.querySelector('.wf-side');
    return side ? side.getBoundingClientRect().width : 300;
}

function initSplitter() {
    const saved = Number(localStorage.getItem(sideWidthKey));
    if (saved > 0) document.documentElement.style.setProperty('--wf-side-width', Math.round(Math.min(sideMax(), Math.max(sideMin, saved))) + 'px');
    document.addEventListener('pointerdown', e => {
        const bar = e.target?.closest?.('.wf-splitter');
        if (!bar || e.button !== 0) return;
        e.preventDefault();
        const startX = e.clientX;
        const startWidth = currentSideWidth();
        bar.setPointerCapture(e.pointerId);
        bar.classList.add('dragging');
        const move = m => setSideWidth(startWidth - (m.clientX - startX));
        const end = () => {
            bar.classList.remove('dragging');
            bar.removeEventListener('pointermove', move);
            bar.removeEventListener('pointerup', end);
            bar.removeEventListener('pointercancel', end);
        };
        bar.addEventListener('pointermove', move);
        bar.addEventListener('pointerup', end);
        bar.addEventListener('pointercancel', end);
    });
    document.addEventListener('keydown', e => {
        if (!e.target?.classList?.contains('wf-splitter')) return;
        const step = e.shiftKey ? 64 : 16;
        if (e.key === 'ArrowLeft') setSideWidth(currentSideWidth() + step);
        else if (e.key === 'ArrowRight') setSideWidth(currentSideWidth() - step);
        else return;
        e.preventDefault();
    });
}
