// The Emscripten module's settings. Kept in a file of its own so the page needs no inline script
// (the server's Content-Security-Policy allows none).
var Module = {
  canvas: document.getElementById('canvas'),
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
  onAbort: (what) => {
    const cover = document.getElementById('loading') || document.body.appendChild(document.createElement('div'));
    cover.id = 'loading';
    cover.textContent = 'Orgdesk stopped because of an error (' + what + '). Reload the page to start again.';
  },
};
// A WebGL context that cannot be had is the most likely failure: say so plainly.
Module.canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());
// Right-click belongs to the app, not the browser's canvas menu.
Module.canvas.addEventListener('contextmenu', (e) => e.preventDefault());
// The focus moves between the canvas and the hidden text field (src/app/web/text_input.cpp)
// whenever a field starts or stops being edited. That is no blur of the page: GLFW would take
// it for one and release every key held down (a Ctrl of Ctrl+A, a Shift) in mid-keystroke. This
// listener comes before GLFW's and keeps such a move from it.
window.addEventListener('blur', (event) => {
  const ours = (element) => element === Module.canvas || element?.id === 'text-input';
  if (ours(event.target) && ours(event.relatedTarget)) event.stopImmediatePropagation();
}, true);
