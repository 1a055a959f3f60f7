#pragma once
// What every view gets: the state to draw, the fonts and scale to draw it with, and a way to
// report what the person did. Views never change state and never touch the network.
#include <functional>

#include "app/events.hpp"
#include "app/state.hpp"

struct ImFont;

namespace orgdesk::app::views {

using Dispatch = std::function<void(Event)>;

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* semibold = nullptr;
    ImFont* heading = nullptr;
};

struct Ui {
    Fonts fonts;
    float scale = 1.0F;  // device pixels per CSS pixel: every size below is in CSS pixels
    Dispatch dispatch;
    // Something drawn moves by itself: keep drawing frames. Called every frame it is in view, so
    // the frame loop sleeps again as soon as nothing animated is shown.
    std::function<void()> keepAnimating;
    // A request the person waits for has taken more than 150 ms: show that it is loading.
    bool slowRequest = false;

    float px(float cssPixels) const { return cssPixels * scale; }
    // A phone-sized window (under 720 CSS pixels wide): the rail becomes a row of tabs, long
    // rows wrap, and tables keep only the columns that matter most.
    bool narrow() const;
};

// The whole screen for the current state.
void draw_app(const State& state, const Ui& ui);

void draw_sign_in(const State& state, const Ui& ui);
// Under the top bar while in a demo sandbox: time left, role switcher, reset.
void draw_sandbox_banner(const State& state, const Ui& ui);
// The loading bar under the top bar (slow requests) and the "cannot reach the server" banner.
void draw_loading_bar(const Ui& ui);
void draw_connection_banner(const State& state, const Ui& ui);
void draw_organizations(const State& state, const Ui& ui);
void draw_profile(const State& state, const Ui& ui);
void draw_create(const State& state, const Ui& ui);
void draw_orders(const State& state, const Ui& ui);
void draw_order_detail(const State& state, const Ui& ui);
// The reject dialog of one order or of the selection, drawn over everything.
void draw_order_dialogs(const State& state, const Ui& ui);
void draw_order_form(const State& state, const Ui& ui);
// The profile's Subscriptions tab.
void draw_subscriptions(const Profile& profile, const Ui& ui);
// The profile's dialogs (reject, suspend, delete, edit, ownership), drawn over everything.
void draw_profile_dialogs(const State& state, const Ui& ui);

}  // namespace orgdesk::app::views
