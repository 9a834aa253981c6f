// Small page helpers the Blazor components call through IJSRuntime.
window.bishanUx = {
    // Brings an element into view, centred (the first refused field of a long form on a phone).
    scrollIntoView: function (selector) {
        var element = document.querySelector(selector);
        if (element) element.scrollIntoView({ block: 'center' });
    }
};
