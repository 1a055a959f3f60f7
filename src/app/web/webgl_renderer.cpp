#include "app/web/webgl_renderer.hpp"

#include <GLES3/gl3.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace orgdesk::app::web {
namespace {

constexpr const char* kVertexShader = R"glsl(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
uniform mat4 projection;
uniform vec2 whitePixel;
out vec2 fragmentUv;
out vec4 fragmentColor;
flat out int solid;
void main() {
    fragmentUv = uv;
    fragmentColor = color;
    solid = uv == whitePixel ? 1 : 0;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)glsl";

constexpr const char* kFragmentShader = R"glsl(#version 300 es
precision mediump float;
uniform sampler2D sampled;
in vec2 fragmentUv;
in vec4 fragmentColor;
flat in int solid;
layout (location = 0) out vec4 outColor;
void main() {
    // A solid shape samples the atlas's white pixel, which gives back its color unchanged.
    outColor = solid == 1 ? fragmentColor : fragmentColor * texture(sampled, fragmentUv);
}
)glsl";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_FALSE) {
        std::array<char, 1024> log{};
        glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
        std::fprintf(stderr, "Orgdesk: a shader did not compile: %s\n", log.data());
    }
    return shader;
}

// Appends the bytes of `count` objects at `data` to `out`.
template <typename T>
void append_bytes(std::vector<std::byte>& out, const T* data, std::size_t count) {
    const auto* bytes = reinterpret_cast<const std::byte*>(data);
    out.insert(out.end(), bytes, bytes + count * sizeof(T));
}

// What a frame's pixels follow from: the background, the display, and every list's vertices,
// indices and commands. Equal for two frames, equal pixels (with the same atlas).
void describe_frame(const ImDrawData& data, const ImVec4& background, std::vector<std::byte>& out) {
    out.clear();
    append_bytes(out, &background, 1);
    const std::array<ImVec2, 3> display{data.DisplayPos, data.DisplaySize, data.FramebufferScale};
    append_bytes(out, display.data(), display.size());
    for (const ImDrawList* list : data.CmdLists) {
        append_bytes(out, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size));
        append_bytes(out, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size));
        for (const ImDrawCmd& command : list->CmdBuffer) {
            const ImTextureID texture = command.GetTexID();
            append_bytes(out, &command.ClipRect, 1);
            append_bytes(out, &texture, 1);
            append_bytes(out, &command.IdxOffset, 1);
            append_bytes(out, &command.ElemCount, 1);
            append_bytes(out, &command.UserCallback, 1);
        }
    }
}

}  // namespace

WebglRenderer::WebglRenderer() {
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    projection_ = glGetUniformLocation(program_, "projection");
    texture_ = glGetUniformLocation(program_, "sampled");
    whitePixel_ = glGetUniformLocation(program_, "whitePixel");

    // The vertex layout, and the buffers with it, are set once: the vertex array keeps them.
    glGenVertexArrays(1, &vertexArray_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    glBindVertexArray(vertexArray_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
    constexpr auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "orgdesk_webgl2";
}

WebglRenderer::~WebglRenderer() {
    glDeleteTextures(1, &fontTexture_);
    glDeleteBuffers(1, &indices_);
    glDeleteBuffers(1, &vertices_);
    glDeleteVertexArrays(1, &vertexArray_);
    glDeleteProgram(program_);
}

void WebglRenderer::upload_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    glDeleteTextures(1, &fontTexture_);
    glGenTextures(1, &fontTexture_);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fontTexture_)));
    // Where the new atlas put its white pixel; the program keeps it until the next upload.
    glUseProgram(program_);
    glUniform2f(whitePixel_, io.Fonts->TexUvWhitePixel.x, io.Fonts->TexUvWhitePixel.y);
    drawn_.clear();  // the same vertices may now show other glyphs
}

void WebglRenderer::render(const ImDrawData& data, const ImVec4& background) {
    const ImVec2 scale = data.FramebufferScale;
    const auto width = static_cast<GLsizei>(data.DisplaySize.x * scale.x);
    const auto height = static_cast<GLsizei>(data.DisplaySize.y * scale.y);
    if (width <= 0 || height <= 0)
        return;
    describe_frame(data, background, frame_);
    if (frame_ == drawn_)
        return;
    drawn_.swap(frame_);

    glViewport(0, 0, width, height);
    glClearColor(background.x, background.y, background.z, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // ImGui's coordinates (display position at the top left) to clip space.
    const float left = data.DisplayPos.x;
    const float right = data.DisplayPos.x + data.DisplaySize.x;
    const float top = data.DisplayPos.y;
    const float bottom = data.DisplayPos.y + data.DisplaySize.y;
    // clang-format off
    const std::array<float, 16> projection{
        2.0F / (right - left),           0.0F,                            0.0F,  0.0F,
        0.0F,                            2.0F / (top - bottom),           0.0F,  0.0F,
        0.0F,                            0.0F,                            -1.0F, 0.0F,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0.0F,  1.0F,
    };
    // clang-format on
    glUseProgram(program_);
    glUniform1i(texture_, 0);
    glUniformMatrix4fv(projection_, 1, GL_FALSE, projection.data());
    glBindVertexArray(vertexArray_);
    glActiveTexture(GL_TEXTURE0);

    static_assert(sizeof(ImDrawIdx) == 2, "indices are drawn as GL_UNSIGNED_SHORT");
    for (const ImDrawList* list : data.CmdLists) {
        glBufferData(GL_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->VtxBuffer.Size) *
                         static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->IdxBuffer.Size) *
                         static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list->CmdBuffer) {
            if (command.UserCallback != nullptr) {
                // The views add none; a reset asks for the state set above, which nothing changed.
                if (command.UserCallback != ImDrawCallback_ResetRenderState)
                    command.UserCallback(list, &command);
                continue;
            }
            // The clip rectangle in framebuffer pixels; GL's scissor counts rows from the bottom.
            const float x0 = (command.ClipRect.x - left) * scale.x;
            const float y0 = (command.ClipRect.y - top) * scale.y;
            const float x1 = (command.ClipRect.z - left) * scale.x;
            const float y1 = (command.ClipRect.w - top) * scale.y;
            if (x1 <= x0 || y1 <= y0)
                continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(height) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D,
                          static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), GL_UNSIGNED_SHORT,
                           reinterpret_cast<const void*>(command.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
}

}  // namespace orgdesk::app::web
