//! The table of interface strings: one typed key, its Vietnamese and its English text.

macro_rules! strings {
    ($($(#[$doc:meta])* $key:ident => $vi:literal, $en:literal;)*) => {
        /// A visible interface string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        impl Key {
            /// Every key, for completeness checks.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// The (Vietnamese, English) texts.
            pub const fn texts(self) -> (&'static str, &'static str) {
                match self {
                    $(Key::$key => ($vi, $en),)*
                }
            }
        }
    };
}

strings! {
    // Layout
    SkipLink => "Bỏ qua, đến nội dung chính", "Skip to main content";
    PortalName => "Phòng đọc trực tuyến", "Online reading room";
    MainNav => "Điều hướng chính", "Main navigation";
    NavHome => "Trang chủ", "Home";
    NavFonds => "Phông lưu trữ", "Fonds";
    /// The language switch shows the name of the *other* language.
    LangSwitch => "English", "Tiếng Việt";
    FooterNote => "Dữ liệu đặc tả tài liệu lưu trữ công bố theo Thông tư 05/2025/TT-BNV.",
        "Descriptive metadata of archival records published under Circular 05/2025/TT-BNV.";
    Loading => "Đang tải…", "Loading…";

    // Home
    HomeIntro => "Tra cứu dữ liệu đặc tả và đọc tài liệu lưu trữ lịch sử trực tuyến.",
        "Browse the catalogue of historical archives and read records online.";
    CountsHeading => "Tài liệu đã công bố", "Published holdings";
    CountFonds => "Phông lưu trữ", "Fonds";
    CountFiles => "Hồ sơ", "Files";
    CountItems => "Tài liệu", "Items";
    AllFonds => "Xem tất cả phông lưu trữ", "See all fonds";

    // Lists and paging
    FondsHeading => "Phông lưu trữ", "Fonds";
    NoFonds => "Chưa có phông lưu trữ nào được công bố.", "No fonds have been published yet.";
    NoChildren => "Không có thành phần nào được công bố.", "No published contents.";
    Pagination => "Phân trang", "Pagination";
    FirstPage => "Trang đầu", "First page";
    PrevPage => "Trang trước", "Previous page";
    NextPage => "Trang sau", "Next page";

    // Record
    Breadcrumb => "Đường dẫn", "Breadcrumb";
    SummaryHeading => "Thông tin chung", "Summary";
    Level => "Cấp", "Level";
    ReferenceCode => "Mã tham chiếu", "Reference code";
    Dates => "Thời gian", "Dates";
    Years => "Năm", "Years";
    Fonds => "Thuộc phông", "Fonds";
    Access => "Chế độ sử dụng", "Access";
    AccessPublic => "Công khai", "Public";
    ConditionalNotice => "Sử dụng có điều kiện — gửi yêu cầu", "Conditional access — submit a request";
    GrantedNotice => "Được phép sử dụng theo yêu cầu đã duyệt", "Access granted by an approved request";
    MetadataHeading => "Dữ liệu đặc tả", "Descriptive metadata";
    ContentsHeading => "Thành phần", "Contents";

    // Levels (singular, capitalised)
    LevelFonds => "Phông", "Fonds";
    LevelSeries => "Mục lục", "Series";
    LevelFile => "Hồ sơ", "File";
    LevelItem => "Tài liệu", "Item";

    // Search box (every page) and search within a record
    SearchLabel => "Tìm trong kho lưu trữ", "Search the archive";
    SearchPlaceholder => "Tiêu đề, số ký hiệu, mã hồ sơ…", "Title, number, reference code…";
    SearchButton => "Tìm", "Search";
    Suggestions => "Gợi ý", "Suggestions";
    SearchWithinFonds => "Tìm trong phông này", "Search this fonds";
    SearchWithinSeries => "Tìm trong mục lục này", "Search this series";
    SearchWithinFile => "Tìm trong hồ sơ này", "Search this file";

    // Search page
    SearchHeading => "Tìm kiếm", "Search";
    SearchTerms => "Từ khóa", "Search terms";
    SearchAgain => "Tìm lại với các bộ lọc đang chọn", "Search again with the selected filters";
    ResultsHeading => "Kết quả", "Results";
    SkipToFilters => "Đến phần lọc kết quả", "Go to the filters";
    FiltersHeading => "Lọc kết quả", "Filter results";
    SelectedFilters => "Bộ lọc đang chọn", "Selected filters";
    RemoveFilter => "Bỏ lọc", "Remove filter";
    ClearFilters => "Bỏ tất cả bộ lọc", "Clear all filters";
    Selected => "đang chọn", "selected";
    FacetFonds => "Phông", "Fonds";
    FacetLevel => "Cấp", "Level";
    FacetType => "Loại văn bản", "Document type";
    FacetYear => "Thời gian", "Period";
    FacetLang => "Ngôn ngữ", "Language";
    FacetDigitized => "Số hóa", "Digitisation";
    FacetAccess => "Chế độ sử dụng", "Access";
    FacetWithin => "Tìm trong", "Within";
    Digitized => "Đã số hóa", "Digitised";
    NotDigitized => "Chưa số hóa", "Not digitised";
    AccessConditional => "Sử dụng có điều kiện", "Conditional access";
    DateRange => "Khoảng thời gian", "Date range";
    DateFrom => "Từ năm", "From year";
    DateTo => "Đến năm", "To year";
    DateHint => "Năm (ví dụ 1995) hoặc ngày (1995-04-30). Tìm tài liệu có thời gian giao với khoảng này.",
        "A year (e.g. 1995) or a date (1995-04-30). Finds records whose dates overlap this range.";
    Apply => "Áp dụng", "Apply";
    SortLabel => "Sắp xếp", "Sort by";
    SortRelevance => "Phù hợp nhất", "Relevance";
    SortDateAsc => "Thời gian: cũ trước", "Date: oldest first";
    SortDateDesc => "Thời gian: mới trước", "Date: newest first";
    SortCode => "Mã tham chiếu", "Reference code";
    PartOf => "Thuộc", "Part of";
    NoResults => "Không tìm thấy kết quả nào.", "No results found.";
    HintsHeading => "Thử tìm cách khác", "Try instead";
    HintRemoveFilter => "Bỏ lọc", "Remove the filter";
    HintDropWord => "Bỏ từ", "Leave out";
    HintSpelling => "Có phải bạn muốn tìm:", "Did you mean:";
    IgnoredHeading => "Một phần từ khóa không được dùng:", "Part of your search was not used:";
    BadSearchTitle => "Tham số tìm kiếm không hợp lệ", "Invalid search parameter";
    BadSearchParameter => "Tham số", "Parameter";
    BadSearchRemove => "Tìm lại không có tham số này", "Search again without this parameter";
    PageNumber => "Trang", "Page";

    // Viewer (record pages) and page hits (search)
    ViewerHeading => "Bản số hóa", "Digitised pages";
    ViewerLocked => "Bản số hóa của tài liệu này chỉ được xem khi yêu cầu khai thác được phê duyệt.",
        "The digitised pages of this record can be viewed once a request to use it has been approved.";
    ViewerPages => "Các trang", "Pages";
    ViewerControls => "Công cụ xem ảnh", "Image viewer controls";
    ViewerCanvas => "Ảnh trang tài liệu", "Page image";
    ViewerZoomIn => "Phóng to", "Zoom in";
    ViewerZoomOut => "Thu nhỏ", "Zoom out";
    ViewerHome => "Xem toàn trang", "Fit the page";
    ViewerRotateLeft => "Xoay trái", "Rotate left";
    ViewerRotateRight => "Xoay phải", "Rotate right";
    ViewerFullScreen => "Toàn màn hình", "Full screen";
    ViewerExitFullScreen => "Thoát toàn màn hình", "Exit full screen";
    ViewerKeys => "Phím tắt: ← → hoặc PageUp/PageDown để đổi trang, + và − để phóng to, thu nhỏ, 0 để xem toàn trang, r để xoay, f để xem toàn màn hình.",
        "Keys: ← → or PageUp/PageDown change the page, + and − zoom, 0 fits the page, r rotates, f toggles full screen.";
    ViewerDownloadPage => "Tải ảnh trang này (kích thước đầy đủ)", "Download this page (full size)";
    ViewerDownloadPdf => "Tải toàn bộ tài liệu (PDF)", "Download the whole record (PDF)";
    ViewerGoTo => "Đến trang", "Go to page";
    ViewerGo => "Xem", "Show";
    ViewerManifest => "Địa chỉ IIIF manifest (mở tài liệu trong trình xem IIIF khác)",
        "IIIF manifest address (opens the record in another IIIF viewer)";
    ViewerCopy => "Chép địa chỉ", "Copy the address";
    ViewerCopied => "Đã chép", "Copied";
    ViewerIiifLink => "Kéo biểu tượng IIIF vào trình xem IIIF khác để mở tài liệu này",
        "Drag the IIIF logo into another IIIF viewer to open this record";

    // Errors
    NotFoundTitle => "Không tìm thấy tài liệu", "Record not found";
    NotFoundText => "Tài liệu hoặc trang bạn tìm không tồn tại hoặc không được công bố.",
        "The record or page you asked for does not exist or is not published.";
    BadRequestTitle => "Yêu cầu không hợp lệ", "Invalid request";
    BadRequestText => "Địa chỉ có tham số không hợp lệ.", "The address has an invalid parameter.";
    ErrorTitle => "Đã có lỗi xảy ra", "Something went wrong";
    ErrorText => "Hệ thống tạm thời không trả lời được. Xin vui lòng thử lại sau.",
        "The service could not answer. Please try again later.";
    SignInNeededTitle => "Cần đăng nhập", "Sign-in required";
    SignInNeededText => "Trang này chỉ dành cho người đã đăng nhập. Xin vui lòng đăng nhập rồi mở lại trang.",
        "This page is for signed-in users. Please sign in and open it again.";
    ForbiddenTitle => "Không có quyền truy cập", "Access denied";
    ForbiddenText => "Tài khoản của bạn không có quyền xem trang này.",
        "Your account does not have the role this page needs.";
    BackHome => "Về trang chủ", "Back to the home page";

    // Accounts (navigation)
    NavSignIn => "Đăng nhập", "Sign in";
    NavRegister => "Đăng ký", "Register";
    NavAccount => "Tài khoản", "Account";
    NavStaff => "Xác minh độc giả", "Verify readers";
    NavAdmin => "Quản trị", "Administration";
    NavSignOut => "Đăng xuất", "Sign out";
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn every_key_has_both_texts() {
        for key in Key::ALL {
            let (vi, en) = key.texts();
            assert!(!vi.is_empty() && !en.is_empty(), "{key:?} is empty");
            assert_eq!(vi.trim(), vi, "{key:?} has stray spaces");
            assert_eq!(en.trim(), en, "{key:?} has stray spaces");
        }
    }

    #[test]
    fn vietnamese_texts_are_not_english() {
        // Only proper names may coincide; every other Vietnamese text must be translated.
        let same: Vec<_> = Key::ALL
            .iter()
            .filter(|k| k.texts().0 == k.texts().1)
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
    }
}
