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
