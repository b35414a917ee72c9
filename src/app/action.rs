//! Everything a person can ask the app to do. Keys become actions through the key map;
//! tests and scripts can send actions directly.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextPane,
    PrevPane,
    ToggleHelp,
    CloseOverlay,

    // Moving through lists and text.
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// A click (left button) on a screen cell, 0-based, as the terminal reports it; never bound
    /// to a key. The app takes a tab or closes a pop-up; the pane under it decides what the rest
    /// means (a quiz option: as its number key).
    Click {
        column: u16,
        row: u16,
    },
    /// Scroll the focused part of the pane (what the wheel does where the pane has one part).
    ScrollUp,
    ScrollDown,
    NextTopic,
    PrevTopic,
    FocusDetail,
    FocusList,
    /// Follow the link picked on a page.
    OpenLink,
    /// Back to the page the last link was followed from.
    Back,

    // The search box.
    Type(char),
    Backspace,
    DeleteForward,
    DeleteWord,
    ClearQuery,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Esc in search: clears the query, or leaves the box when it is already empty.
    SearchEscape,
    FocusQuery,
    OpenResult,

    // The quiz.
    /// Pick option 1-4 of a question, or grade a flip card (1 Again .. 4 Easy).
    Choose(u8),
    /// Enter: answer with the highlighted option, reveal a card, or go on after feedback.
    Confirm,
    /// Space: reveal a card, or go on after feedback.
    Flip,
    /// Cycle the quiz between all guides and each guide in turn.
    ChangeQuizScope,
    /// Switch the Quiz pane to written-answer practice.
    StartWriting,
    /// A new line in a multi-line text box.
    Newline,
    /// Hand in a written answer for checking.
    Submit,
    /// Back from written practice or a mock test's results to the card quiz.
    LeaveMode,
    /// Start a mock test.
    StartMock,
    /// Next and previous question of a mock test (to check or change answers).
    NextQuestion,
    PrevQuestion,
    /// Finish a mock test now and see the results (asks first).
    FinishMock,
    /// Quit in the middle of a mock test, throwing its answers away (asks first).
    Abandon,
    /// Time passes with no input (for a mock test's time limit).
    Tick,
    /// Open presentation mode on the selected topic.
    StartPresenting,
    /// Presentation: show the next point, hide the last, show them all.
    RevealNext,
    RevealBack,
    RevealAll,
    /// Presentation: a question for the class on this topic (again: show its answer).
    ClassQuestion,
    /// Presentation: switch between the topic and the relationship map.
    ToggleMap,
    /// Presentation: type a topic's name to jump to it.
    StartJump,

    /// Take the last card answer back out of the saved progress and ask the card again.
    Undo,
    /// The answer `Undo` asked to take back is out of the saved progress. Sent by the app, never
    /// bound to a key.
    Undone,
    /// Nothing is due and today's new cards are done: practise anyway.
    ExtraPractice,

    /// Progress changed under the pane (a review it asked for was saved): refresh what shows it.
    /// Sent by the app, never bound to a key.
    ProgressChanged,

    /// The mouse wheel turned over the screen cell at `column`, `row`: scrolls what is under
    /// the pointer, focused or not. Never bound to a key.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },

    /// The terminal's size changed (sent once at start, too).
    Resize {
        width: u16,
        height: u16,
    },
}
