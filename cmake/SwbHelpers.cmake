# swb_add_test(NAME tst_Foo SOURCES ... LIBS ... LABELS unit)
# One Qt Test executable per test class; the test's working directory is its build folder and
# SWB_SOURCE_DIR points tests at fixtures in the source tree.
function(swb_add_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        SWB_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        SWB_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_LABELS)
        set(T_LABELS unit)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
endfunction()

# Qt's headers come in through imported targets, whose include folders CMake already marks
# SYSTEM, so -Wall -Wextra -Wpedantic (and -Werror in CI) judge only our own code.
