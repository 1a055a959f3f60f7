#pragma once
// Draws Dear ImGui's draw data with WebGL2, in place of its OpenGL3 backend. That backend saves
// every piece of GL state it touches and restores it after each frame: about twenty glGet calls a
// frame, which in Chromium wait for the GPU process to finish the previous frame (without a GPU,
// tens of milliseconds). The page owns its context, so this renderer sets the state it draws with
// and asks for none.
//
// Solid shapes (every background, row and frame) skip the texture fetch: without a GPU, Chromium
// draws WebGL with SwiftShader, where sampling the atlas was half of a list frame's fill time.
//
// A frame that would draw what the canvas shows already is not drawn at all: the canvas keeps
// its picture, and without a GPU the page's thread does not wait for SwiftShader to redraw it.
#include <imgui.h>

#include <cstddef>
#include <vector>

namespace orgdesk::app::web {

// Needs the current WebGL2 context. One per page.
class WebglRenderer {
  public:
    WebglRenderer();
    ~WebglRenderer();
    WebglRenderer(const WebglRenderer&) = delete;
    WebglRenderer& operator=(const WebglRenderer&) = delete;

    // Uploads the font atlas as it is now (after every rebuild) and gives ImGui its texture.
    void upload_fonts();
    // Clears the canvas's framebuffer to `background` and draws one frame's data into it,
    // unless the last frame drawn was the same.
    void render(const ImDrawData& data, const ImVec4& background);

  private:
    unsigned program_ = 0;
    int projection_ = -1;
    int texture_ = -1;
    int whitePixel_ = -1;
    unsigned vertexArray_ = 0;
    unsigned vertices_ = 0;
    unsigned indices_ = 0;
    unsigned fontTexture_ = 0;
    // Everything the last drawn frame was drawn from (see render), and the one being compared.
    std::vector<std::byte> drawn_;
    std::vector<std::byte> frame_;
};

}  // namespace orgdesk::app::web
