#pragma once
// Draws Dear ImGui's draw data with WebGL2, in place of its OpenGL3 backend. That backend saves
// every piece of GL state it touches and restores it after each frame: about twenty glGet calls a
// frame, which in Chromium wait for the GPU process to finish the previous frame (without a GPU,
// tens of milliseconds). The page owns its context, so this renderer sets the state it draws with
// and asks for none.
//
// Solid shapes (every background, row and frame) skip the texture fetch: without a GPU, Chromium
// draws WebGL with SwiftShader, where sampling the atlas was half of a list frame's fill time.
#include <imgui.h>

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
    // Draws one frame's data into the canvas's framebuffer, scissor test off afterwards.
    void render(const ImDrawData& data);

  private:
    unsigned program_ = 0;
    int projection_ = -1;
    int texture_ = -1;
    int whitePixel_ = -1;
    unsigned vertexArray_ = 0;
    unsigned vertices_ = 0;
    unsigned indices_ = 0;
    unsigned fontTexture_ = 0;
};

}  // namespace orgdesk::app::web
